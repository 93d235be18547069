package dev.plimsoll.version.apk;

import dev.plimsoll.version.ComparatorConstraint;
import dev.plimsoll.version.ComparatorSyntax;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;
import java.util.Map;

/** Alpine package versions ordered as apk-tools orders them; constraints in apk's comparison operators. */
public enum ApkScheme implements VersionScheme {
    INSTANCE;

    /**
     * Comma-separated clauses, all of which must hold: {@code "<1.1.1g-r0"}, {@code ">= 2.4.41-r0, < 2.4.43-r0"}.
     * apk's exact operators ({@code <}, {@code <=}, {@code =}, {@code >=}, {@code >}), plus {@code !=}. apk's fuzzy
     * operators ({@code ~}, {@code <~}, {@code >~}) and its checksum match ({@code ><}) are not comparisons of two
     * versions: '~' is read as part of the operator so that they are rejected as unknown operators.
     */
    public static final ComparatorSyntax<ApkVersion> CONSTRAINT_SYNTAX = new ComparatorSyntax<>(INSTANCE,
        ApkVersion.class, "operator", "<>=!~", ComparatorSyntax.symbols("<", "<=", "=", ">=", ">", "!="), Map.of(),
        Map.of());

    @Override
    public String id() {
        return "apk";
    }

    @Override
    public ApkVersion parse(String raw) throws InvalidVersionException {
        return ApkVersion.parse(raw);
    }

    @Override
    public ComparatorConstraint<ApkVersion> constraint(String expression) throws InvalidVersionException {
        return ComparatorConstraint.parse(CONSTRAINT_SYNTAX, expression);
    }
}
