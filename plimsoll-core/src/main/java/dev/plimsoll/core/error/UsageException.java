package dev.plimsoll.core.error;

/** The user asked for something that cannot be done as asked (bad argument, missing file, unknown platform). */
public final class UsageException extends PlimsollException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
