package dev.plimsoll.analyzer.lang.golang;

import dev.plimsoll.core.problem.ProblemKind;
import java.util.Objects;

/** Go build information that cannot be read: damaged, beyond a bound, or in a form not supported. */
public final class BuildInfoException extends Exception {
    private final ProblemKind kind;

    private BuildInfoException(ProblemKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    static BuildInfoException malformed(String message) {
        return new BuildInfoException(ProblemKind.MALFORMED_FILE, message);
    }

    static BuildInfoException limit(String message) {
        return new BuildInfoException(ProblemKind.LIMIT_EXCEEDED, message);
    }

    static BuildInfoException unsupported(String message) {
        return new BuildInfoException(ProblemKind.UNSUPPORTED, message);
    }

    public ProblemKind kind() {
        return kind;
    }
}
