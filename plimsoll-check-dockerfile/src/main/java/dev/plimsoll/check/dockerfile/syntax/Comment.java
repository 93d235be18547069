package dev.plimsoll.check.dockerfile.syntax;

/**
 * A comment line, including those inside line continuations (but not heredoc bodies or directives). {@code text} is
 * what follows the {@code #}, with surrounding whitespace removed, e.g. {@code hadolint ignore=DL3008}.
 */
public record Comment(String text, SourcePosition position) {
    public int line() {
        return position.line();
    }
}
