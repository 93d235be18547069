package dev.plimsoll.check.dockerfile.syntax;

/** A 1-based line and column in the Dockerfile's text (columns count UTF-16 chars; a tab is one column). */
public record SourcePosition(int line, int column) {
    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return "line " + line + " column " + column;
    }
}
