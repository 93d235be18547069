package dev.plimsoll.vulndb;

/** Bytes that do not decode; the reader turns it into a {@link VulnDbException} naming the file. */
final class CorruptDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptDataException(String message) {
        super(message);
    }
}
