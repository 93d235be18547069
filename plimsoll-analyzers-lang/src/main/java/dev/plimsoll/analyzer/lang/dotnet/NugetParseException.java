package dev.plimsoll.analyzer.lang.dotnet;

/** A *.deps.json or packages.lock.json that is not valid JSON or does not have its format's shape. */
final class NugetParseException extends Exception {
    private final int line;
    private final boolean limit;

    /** @param line 1-based, 0 when unknown */
    NugetParseException(String message, int line) {
        this(message, line, false);
    }

    /** @param limit whether a count bound stopped the reading rather than bad content */
    NugetParseException(String message, int line, boolean limit) {
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
