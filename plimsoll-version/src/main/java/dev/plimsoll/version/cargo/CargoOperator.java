package dev.plimsoll.version.cargo;

/** The operators of a Cargo requirement; a bare version means {@link #CARET}, "1.*" means {@link #WILDCARD}. */
public enum CargoOperator {
    EXACT("="), GREATER(">"), GREATER_EQ(">="), LESS("<"), LESS_EQ("<="), TILDE("~"), CARET("^"), WILDCARD("");

    private final String symbol;

    CargoOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
