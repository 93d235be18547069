package dev.plimsoll.analyzer.lang.python;

/** A lockfile that is not valid TOML or JSON, or not shaped as its format requires: none of it is read. */
final class LockParseException extends Exception {
    private final int line;

    LockParseException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** 1-based, 0 when not known. */
    int line() {
        return line;
    }
}
