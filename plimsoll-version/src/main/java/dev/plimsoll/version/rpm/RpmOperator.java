package dev.plimsoll.version.rpm;

import java.util.Optional;

/** rpm's comparison operators ({@code <}, {@code <=}, {@code =}, {@code >=}, {@code >}), plus {@code !=}. */
public enum RpmOperator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    EQUAL("="),
    NOT_EQUAL("!="),
    GREATER_OR_EQUAL(">="),
    GREATER(">");

    private final String symbol;

    RpmOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code candidate OPERATOR bound} holds. */
    public boolean test(RpmVersion candidate, RpmVersion bound) {
        int order = candidate.compareTo(bound);
        return switch (this) {
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case GREATER_OR_EQUAL -> order >= 0;
            case GREATER -> order > 0;
        };
    }

    /** The operator written as {@code symbol}; rpm's spellings "==", "=&lt;" and "=&gt;" are accepted too. */
    public static Optional<RpmOperator> ofSymbol(String symbol) {
        return switch (symbol) {
            case "<" -> Optional.of(LESS);
            case "<=", "=<" -> Optional.of(LESS_OR_EQUAL);
            case "=", "==" -> Optional.of(EQUAL);
            case "!=" -> Optional.of(NOT_EQUAL);
            case ">=", "=>" -> Optional.of(GREATER_OR_EQUAL);
            case ">" -> Optional.of(GREATER);
            default -> Optional.empty();
        };
    }
}
