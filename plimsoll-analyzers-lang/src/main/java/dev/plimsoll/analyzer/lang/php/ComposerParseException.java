package dev.plimsoll.analyzer.lang.php;

/** A composer.lock or installed.json that is not valid JSON or does not have its format's shape. */
final class ComposerParseException extends Exception {
    private final int line;
    private final boolean limit;

    /** @param line 1-based, 0 when unknown */
    ComposerParseException(String message, int line) {
        this(message, line, false);
    }

    /** @param limit whether a count bound stopped the reading rather than bad content */
    ComposerParseException(String message, int line, boolean limit) {
        super(message);
        this.line = line;
        this.limit = limit;
    }

    boolean limit() {
        return limit;
    }

    int line() {
        return line;
    }

    /** The message with its line, for a problem report. */
    String describe() {
        return (line > 0 ? "line " + line + ": " : "") + getMessage();
    }
}
