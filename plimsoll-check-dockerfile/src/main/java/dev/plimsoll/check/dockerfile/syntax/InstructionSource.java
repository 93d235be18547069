package dev.plimsoll.check.dockerfile.syntax;

/**
 * What every instruction has: its keyword (canonical and as written), where it is, its flags, and its argument text
 * after the flags (the logical line: continuations joined, comment lines inside them dropped; heredoc bodies not
 * included).
 */
public record InstructionSource(Keyword keyword, String keywordAsWritten, SourceRange range, Flags flags,
        String arguments, SourcePosition argumentsPosition) {
}
