package dev.plimsoll.check.dockerfile.syntax;

/**
 * Where an instruction sits: its first character, and the last physical line it uses (the last continuation line, or
 * the terminator of its last heredoc).
 */
public record SourceRange(int startLine, int startColumn, int endLine) {
    public SourcePosition start() {
        return new SourcePosition(startLine, startColumn);
    }

    public boolean containsLine(int line) {
        return line >= startLine && line <= endLine;
    }
}
