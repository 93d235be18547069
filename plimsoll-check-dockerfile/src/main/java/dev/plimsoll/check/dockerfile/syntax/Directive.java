package dev.plimsoll.check.dockerfile.syntax;

/**
 * A parser directive from the top of the file ({@code # syntax=...}, {@code # escape=...}, {@code # check=...}).
 * {@code name} is lower-cased (directives are case-insensitive); {@code valid} is false for an escape value other than
 * a backslash or backtick, which BuildKit rejects and a rule can report.
 */
public record Directive(String name, String nameAsWritten, String value, SourcePosition position, boolean valid) {
    public static final String SYNTAX = "syntax";
    public static final String ESCAPE = "escape";
    public static final String CHECK = "check";

    public int line() {
        return position.line();
    }
}
