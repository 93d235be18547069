package dev.plimsoll.version.apk;

import java.util.Optional;

/** apk's exact comparison operators ({@code <}, {@code <=}, {@code =}, {@code >=}, {@code >}), plus {@code !=}. */
public enum ApkOperator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    EQUAL("="),
    NOT_EQUAL("!="),
    GREATER_OR_EQUAL(">="),
    GREATER(">");

    private final String symbol;

    ApkOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code candidate OPERATOR bound} holds. */
    public boolean test(ApkVersion candidate, ApkVersion bound) {
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

    public static Optional<ApkOperator> ofSymbol(String symbol) {
        for (ApkOperator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
