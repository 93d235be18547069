package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.core.problem.ProblemKind;

/** A pom.xml that cannot be read: not well-formed XML, not a POM, hostile, or beyond a bound. */
final class PomException extends Exception {
    private final ProblemKind kind;
    private final int line;

    private PomException(ProblemKind kind, int line, String message) {
        super(message);
        this.kind = kind;
        this.line = line;
    }

    static PomException malformed(int line, String message) {
        return new PomException(ProblemKind.MALFORMED_FILE, line, message);
    }

    static PomException limit(int line, String message) {
        return new PomException(ProblemKind.LIMIT_EXCEEDED, line, message);
    }

    ProblemKind kind() {
        return kind;
    }

    /** The 1-based line where reading stopped, 0 when unknown. */
    int line() {
        return line;
    }

    /** The message with its line, for a problem: "line 12: ...". */
    String describe() {
        return (line > 0 ? "line " + line + ": " : "") + getMessage();
    }
}
