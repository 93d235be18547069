package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;

/** An archive, or an entry of one, that cannot be read: damaged, beyond a bound, or in a form not supported. */
final class ArchiveException extends IOException {
    private final ProblemKind kind;

    private ArchiveException(ProblemKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    static ArchiveException malformed(String message) {
        return new ArchiveException(ProblemKind.MALFORMED_FILE, message);
    }

    static ArchiveException limit(String message) {
        return new ArchiveException(ProblemKind.LIMIT_EXCEEDED, message);
    }

    static ArchiveException unsupported(String message) {
        return new ArchiveException(ProblemKind.UNSUPPORTED, message);
    }

    ProblemKind kind() {
        return kind;
    }
}
