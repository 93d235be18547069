package dev.plimsoll.analyzer.lang.ruby;

/** A Gemfile.lock or an installed gem specification that does not have its format's shape. */
final class GemParseException extends Exception {
    private final int line;
    private final boolean limit;

    /** @param line 1-based, 0 when the fault is not on one line */
    GemParseException(String message, int line) {
        this(message, line, false);
    }

    /** @param limit whether a count bound stopped the reading rather than bad content */
    GemParseException(String message, int line, boolean limit) {
        super(message);
        this.line = line;
        this.limit = limit;
    }

    int line() {
        return line;
    }

    boolean limit() {
        return limit;
    }

    /** The message with its line, for a problem report. */
    String describe() {
        return (line > 0 ? "line " + line + ": " : "") + getMessage();
    }
}
