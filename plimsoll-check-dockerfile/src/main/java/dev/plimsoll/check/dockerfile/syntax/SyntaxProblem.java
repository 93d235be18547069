package dev.plimsoll.check.dockerfile.syntax;

/** Something BuildKit would reject, found while parsing leniently; the tree around it is still built. */
public record SyntaxProblem(int line, int column, String message) {
    public SourcePosition position() {
        return new SourcePosition(line, column);
    }

    @Override
    public String toString() {
        return "line " + line + " column " + column + ": " + message;
    }
}
