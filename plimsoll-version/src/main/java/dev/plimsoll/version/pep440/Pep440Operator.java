package dev.plimsoll.version.pep440;

/** The comparison operators of PEP 440 version specifiers. */
public enum Pep440Operator {
    COMPATIBLE("~="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    GREATER(">"),
    /** "===": a plain, case-insensitive string comparison with the candidate's normalised form. */
    ARBITRARY("===");

    private final String symbol;

    Pep440Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    static Pep440Operator ofSymbol(String symbol) {
        for (Pep440Operator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("no PEP 440 operator " + symbol);
    }
}
