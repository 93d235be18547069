package dev.plimsoll.check.cis.input.engine;

/** The Engine API could not be reached or answered with an error; the message says which request and why. */
public final class EngineException extends Exception {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
