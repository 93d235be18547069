package dev.plimsoll.version.dpkg;

import dev.plimsoll.version.ComparatorConstraint;
import dev.plimsoll.version.ComparatorSyntax;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;
import java.util.Map;

/** Debian package versions ordered as dpkg orders them; constraints in Debian relation syntax. */
public enum DpkgScheme implements VersionScheme {
    INSTANCE;

    /**
     * Comma-separated clauses in Debian relation syntax, all of which must hold: {@code "<< 1.2-3"},
     * {@code ">= 1:2.0, << 1:2.1~"}. The relations of Debian control files ({@code <<}, {@code <=}, {@code =},
     * {@code >=}, {@code >>}), plus {@code !=} for feeds that exclude one version.
     *
     * <p>A bare {@code <} or {@code >} is rejected: in Debian syntax they are obsolete spellings of {@code <=} and
     * {@code >=} (dpkg still reads them so), while most other feeds mean "strictly", so either reading would be a
     * silent guess.
     */
    public static final ComparatorSyntax<DpkgVersion> CONSTRAINT_SYNTAX = new ComparatorSyntax<>(INSTANCE,
        DpkgVersion.class, "relation", "<>=!", ComparatorSyntax.symbols("<<", "<=", "=", ">=", ">>", "!="), Map.of(),
        Map.of("<", ambiguous("<"), ">", ambiguous(">")));

    @Override
    public String id() {
        return "dpkg";
    }

    @Override
    public DpkgVersion parse(String raw) throws InvalidVersionException {
        return DpkgVersion.parse(raw);
    }

    @Override
    public ComparatorConstraint<DpkgVersion> constraint(String expression) throws InvalidVersionException {
        return ComparatorConstraint.parse(CONSTRAINT_SYNTAX, expression);
    }

    private static String ambiguous(String symbol) {
        return "relation \"" + symbol + "\" is ambiguous (obsolete Debian form of \"" + symbol + "=\"); write \""
            + symbol + symbol + "\" or \"" + symbol + "=\"";
    }
}
