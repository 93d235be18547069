package dev.plimsoll.check.cis.input;

/** A setting whose value Docker would refuse; the message says which value and why, never more of the input. */
public final class InvalidValueException extends Exception {
    public InvalidValueException(String message) {
        super(message);
    }
}
