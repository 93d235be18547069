package dev.plimsoll.analyzer.lang.rust;

import dev.plimsoll.core.problem.ProblemKind;
import java.util.Objects;

/** A TOML document that cannot be read: not TOML, beyond a bound, or using TOML this reader does not. */
final class TomlException extends Exception {
    private final ProblemKind kind;
    private final int line;

    private TomlException(ProblemKind kind, int line, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.line = line;
    }

    static TomlException malformed(int line, String message) {
        return new TomlException(ProblemKind.MALFORMED_FILE, line, message);
    }

    static TomlException limit(int line, String message) {
        return new TomlException(ProblemKind.LIMIT_EXCEEDED, line, message);
    }

    static TomlException unsupported(int line, String message) {
        return new TomlException(ProblemKind.UNSUPPORTED, line, message);
    }

    ProblemKind kind() {
        return kind;
    }

    /** 1-based. */
    int line() {
        return line;
    }
}
