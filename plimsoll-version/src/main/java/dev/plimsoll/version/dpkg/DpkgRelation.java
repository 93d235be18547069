package dev.plimsoll.version.dpkg;

import java.util.Optional;

/**
 * The relations of Debian control files ({@code <<}, {@code <=}, {@code =}, {@code >=}, {@code >>}), plus
 * {@code !=} for feeds that exclude one version.
 */
public enum DpkgRelation {
    STRICTLY_EARLIER("<<"),
    EARLIER_OR_EQUAL("<="),
    EXACTLY_EQUAL("="),
    NOT_EQUAL("!="),
    LATER_OR_EQUAL(">="),
    STRICTLY_LATER(">>");

    private final String symbol;

    DpkgRelation(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code candidate RELATION bound} holds. */
    public boolean test(DpkgVersion candidate, DpkgVersion bound) {
        int order = candidate.compareTo(bound);
        return switch (this) {
            case STRICTLY_EARLIER -> order < 0;
            case EARLIER_OR_EQUAL -> order <= 0;
            case EXACTLY_EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LATER_OR_EQUAL -> order >= 0;
            case STRICTLY_LATER -> order > 0;
        };
    }

    /** The relation written exactly as {@code symbol}; the obsolete "<" and ">" are not relations here. */
    public static Optional<DpkgRelation> ofSymbol(String symbol) {
        for (DpkgRelation relation : values()) {
            if (relation.symbol.equals(symbol)) {
                return Optional.of(relation);
            }
        }
        return Optional.empty();
    }
}
