package dev.plimsoll.version.apk;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Comma-separated clauses, all of which must hold: {@code "<1.1.1g-r0"}, {@code ">= 2.4.41-r0, < 2.4.43-r0"}. Each
 * clause is an operator and a version, with or without a space between. apk's fuzzy operators ({@code ~},
 * {@code <~}, {@code >~}) and its checksum match ({@code ><}) are not comparisons of two versions and are rejected.
 */
public record ApkConstraint(String raw, List<Clause> clauses) implements VersionConstraint {
    /** Bounds the work one hostile expression can cause. */
    public static final int MAX_LENGTH = 4096;

    public ApkConstraint {
        Objects.requireNonNull(raw);
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a constraint needs at least one clause");
        }
    }

    /** One "operator version" clause. */
    public record Clause(ApkOperator operator, ApkVersion version) {
        public Clause {
            Objects.requireNonNull(operator);
            Objects.requireNonNull(version);
        }

        @Override
        public String toString() {
            return operator.symbol() + " " + version;
        }
    }

    public static ApkConstraint parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidVersionException("apk constraint longer than " + MAX_LENGTH + " characters: \""
                + expression.substring(0, 40) + "...\"");
        }
        List<Clause> clauses = new ArrayList<>();
        for (String piece : expression.split(",", -1)) {
            clauses.add(parseClause(piece.strip(), expression));
        }
        return new ApkConstraint(expression, clauses);
    }

    private static Clause parseClause(String clause, String expression) throws InvalidVersionException {
        if (clause.isEmpty()) {
            throw problem(expression, "empty clause");
        }
        int end = 0;
        while (end < clause.length() && "<>=!~".indexOf(clause.charAt(end)) >= 0) {
            end++;
        }
        String symbol = clause.substring(0, end);
        String version = clause.substring(end).strip();
        if (symbol.isEmpty()) {
            throw problem(expression, "clause \"" + clause + "\" has no operator (<, <=, =, >=, >, !=)");
        }
        ApkOperator operator = ApkOperator.ofSymbol(symbol)
            .orElseThrow(() -> problem(expression, "unknown operator \"" + symbol + "\" (<, <=, =, >=, >, !=)"));
        if (version.isEmpty()) {
            throw problem(expression, "clause \"" + clause + "\" names no version");
        }
        try {
            return new Clause(operator, ApkVersion.parse(version));
        } catch (InvalidVersionException e) {
            throw problem(expression, e.getMessage());
        }
    }

    private static InvalidVersionException problem(String expression, String reason) {
        return new InvalidVersionException("apk constraint \"" + expression + "\": " + reason);
    }

    /** Whether the version satisfies every clause; it must be an apk version. */
    @Override
    public boolean contains(Version version) {
        if (!(version instanceof ApkVersion candidate)) {
            throw new IllegalArgumentException("an apk constraint cannot test a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        for (Clause clause : clauses) {
            if (!clause.operator().test(candidate, clause.version())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return raw;
    }
}
