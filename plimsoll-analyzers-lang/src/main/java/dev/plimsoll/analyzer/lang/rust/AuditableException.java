package dev.plimsoll.analyzer.lang.rust;

import dev.plimsoll.core.problem.ProblemKind;
import java.util.Objects;

/** cargo-auditable's dependency data that cannot be read: damaged or beyond a bound. */
final class AuditableException extends Exception {
    private final ProblemKind kind;

    private AuditableException(ProblemKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    static AuditableException malformed(String message) {
        return new AuditableException(ProblemKind.MALFORMED_FILE, message);
    }

    static AuditableException limit(String message) {
        return new AuditableException(ProblemKind.LIMIT_EXCEEDED, message);
    }

    ProblemKind kind() {
        return kind;
    }
}
