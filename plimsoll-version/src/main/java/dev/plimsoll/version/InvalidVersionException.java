package dev.plimsoll.version;

/** A version or constraint the scheme cannot parse; the message names the text and what is wrong with it. */
public final class InvalidVersionException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidVersionException(String message) {
        super(message);
    }
}
