package dev.plimsoll.version.gem;

/** The operators of a Gem::Requirement clause. */
public enum GemOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    GREATER(">"),
    LESS("<"),
    GREATER_OR_EQUAL(">="),
    LESS_OR_EQUAL("<="),
    /** "~> 2.1.3": at least 2.1.3 and, ignoring pre-release letters, below 2.2. */
    PESSIMISTIC("~>");

    private final String symbol;

    GemOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code version} satisfies "{@code this} {@code bound}". */
    public boolean test(GemVersion version, GemVersion bound) {
        int order = version.compareTo(bound);
        return switch (this) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case GREATER -> order > 0;
            case LESS -> order < 0;
            case GREATER_OR_EQUAL -> order >= 0;
            case LESS_OR_EQUAL -> order <= 0;
            // release() drops the letters of the candidate only: "~> 1.0" admits 1.9.a but not 2.0.a.
            case PESSIMISTIC -> order >= 0 && version.release().compareTo(bound.bump()) < 0;
        };
    }
}
