package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.syntax.Instruction;

/** Where a rule reports. The message says what is wrong in this instance; the evidence is the offending text. */
public interface RuleSink {
    /** A finding on an instruction, at its first line and column. */
    default void report(Instruction at, String message) {
        report(at, message, at.arguments());
    }

    default void report(Instruction at, String message, String evidence) {
        report(at, at.line(), at.column(), message, evidence);
    }

    /**
     * A finding at a position inside an instruction (a word of a RUN script on a continuation line). {@code at}
     * is the instruction the position belongs to, whose pragmas apply.
     */
    void report(Instruction at, int line, int column, String message, String evidence);

    /** A finding about the file as a whole or a file beside it (.dockerignore), at a line of the Dockerfile. */
    void reportFile(int line, String message, String evidence);
}
