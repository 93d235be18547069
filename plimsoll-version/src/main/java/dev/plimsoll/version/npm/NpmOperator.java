package dev.plimsoll.version.npm;

/** The primitive operators every node-semver range reduces to; {@code =} is written as nothing. */
public enum NpmOperator {
    EQ(""), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    NpmOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    static NpmOperator of(String symbol) {
        return switch (symbol) {
            case "", "=" -> EQ;
            case "<" -> LT;
            case "<=" -> LE;
            case ">" -> GT;
            case ">=" -> GE;
            default -> throw new IllegalArgumentException("not an operator: " + symbol);
        };
    }

    boolean test(int order) {
        return switch (this) {
            case EQ -> order == 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }
}
