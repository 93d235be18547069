package dev.plimsoll.analyzer.lang;

/**
 * A lockfile, manifest or package record that is not valid in its syntax or does not have its format's shape: what
 * an analyzer turns into a problem naming the file (and the line, where there is one), the scan going on.
 */
public final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final boolean limit;

    /** @param line 1-based, 0 when the fault is not on one line */
    public FormatException(String message, int line) {
        this(message, line, false);
    }

    /** @param limit whether a count bound stopped the reading rather than bad content */
    public FormatException(String message, int line, boolean limit) {
        super(message);
        this.line = line;
        this.limit = limit;
    }

    public int line() {
        return line;
    }

    public boolean limit() {
        return limit;
    }

    /** The message with its line, for a problem report. */
    public String describe() {
        return (line > 0 ? "line " + line + ": " : "") + getMessage();
    }
}
