package dev.plimsoll.analyzer.lang.elf;

import dev.plimsoll.core.problem.ProblemKind;
import java.util.Objects;

/** An ELF file that cannot be read: damaged or truncated, beyond a bound, or in a form not supported. */
public final class ElfException extends Exception {
    private final ProblemKind kind;

    private ElfException(ProblemKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    public static ElfException malformed(String message) {
        return new ElfException(ProblemKind.MALFORMED_FILE, message);
    }

    public static ElfException limit(String message) {
        return new ElfException(ProblemKind.LIMIT_EXCEEDED, message);
    }

    public static ElfException unsupported(String message) {
        return new ElfException(ProblemKind.UNSUPPORTED, message);
    }

    /** The problem kind an analyzer reports this as. */
    public ProblemKind kind() {
        return kind;
    }
}
