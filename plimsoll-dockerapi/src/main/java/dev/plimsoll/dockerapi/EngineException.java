package dev.plimsoll.dockerapi;

/**
 * The Engine API could not be reached or answered with an error; the message says which request and why, and never
 * carries key material.
 */
public final class EngineException extends Exception {
    private final boolean unreachable;

    public EngineException(String message) {
        this(message, null, false);
    }

    public EngineException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private EngineException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** No engine listens there (no socket, connection refused): callers that look for an engine may move on. */
    public static EngineException unreachable(String message, Throwable cause) {
        return new EngineException(message, cause, true);
    }

    /** True when the connection itself failed, before anything was exchanged. */
    public boolean unreachable() {
        return unreachable;
    }
}
