package dev.plimsoll.version.composer;

/** The comparison operators of a composer constraint, printed as composer/semver prints them. */
public enum ComposerOperator {
    EQ("=="), LT("<"), LE("<="), GT(">"), GE(">="), NE("!=");

    private final String symbol;

    ComposerOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Reads an operator as written in a constraint; "=" and "==" are EQ, "&lt;&gt;" and "!=" are NE. */
    static ComposerOperator of(String text) {
        return switch (text) {
            case "=", "==" -> EQ;
            case "<" -> LT;
            case "<=" -> LE;
            case ">" -> GT;
            case ">=" -> GE;
            case "!=", "<>" -> NE;
            default -> throw new IllegalArgumentException("not a composer operator: " + text);
        };
    }
}
