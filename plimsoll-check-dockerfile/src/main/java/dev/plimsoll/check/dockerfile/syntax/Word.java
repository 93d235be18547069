package dev.plimsoll.check.dockerfile.syntax;

/** One argument as written (quotes kept), with where it starts. */
public record Word(String text, SourcePosition position) {
    @Override
    public String toString() {
        return text;
    }
}
