package dev.plimsoll.version.rpm;

import dev.plimsoll.version.ComparatorConstraint;
import dev.plimsoll.version.ComparatorSyntax;
import dev.plimsoll.version.Comparison;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;
import java.util.Map;

/** rpm EVRs ordered as rpm orders them; constraints in rpm's comparison operators. */
public enum RpmScheme implements VersionScheme {
    INSTANCE;

    /**
     * Comma-separated clauses, all of which must hold: {@code "< 1:2.4.6-1.el8"}, {@code ">= 1.0, < 2.0"}. rpm's
     * operators ({@code <}, {@code <=}, {@code =}, {@code >=}, {@code >}), plus {@code !=}; rpm's spellings "==",
     * "=&lt;" and "=&gt;" are accepted too. Versions compare with {@link RpmVersion}'s order, so its epoch and
     * release policies apply: "&lt; 1.0" does not hold for "1.0-1".
     */
    public static final ComparatorSyntax<RpmVersion> CONSTRAINT_SYNTAX = new ComparatorSyntax<>(INSTANCE,
        RpmVersion.class, "operator", "<>=!", ComparatorSyntax.symbols("<", "<=", "=", ">=", ">", "!="),
        Map.of("=<", Comparison.LESS_OR_EQUAL, "==", Comparison.EQUAL, "=>", Comparison.GREATER_OR_EQUAL), Map.of());

    @Override
    public String id() {
        return "rpm";
    }

    @Override
    public RpmVersion parse(String raw) throws InvalidVersionException {
        return RpmVersion.parse(raw);
    }

    @Override
    public ComparatorConstraint<RpmVersion> constraint(String expression) throws InvalidVersionException {
        return ComparatorConstraint.parse(CONSTRAINT_SYNTAX, expression);
    }
}
