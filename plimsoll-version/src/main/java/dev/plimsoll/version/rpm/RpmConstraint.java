package dev.plimsoll.version.rpm;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Comma-separated clauses, all of which must hold: {@code "< 1:2.4.6-1.el8"}, {@code ">= 1.0, < 2.0"}. Each clause
 * is an operator and an EVR, with or without a space between. Versions compare with {@link RpmVersion}'s order,
 * so its epoch and release policies apply: "&lt; 1.0" does not hold for "1.0-1".
 */
public record RpmConstraint(String raw, List<Clause> clauses) implements VersionConstraint {
    /** Bounds the work one hostile expression can cause. */
    public static final int MAX_LENGTH = 4096;

    public RpmConstraint {
        Objects.requireNonNull(raw);
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a constraint needs at least one clause");
        }
    }

    /** One "operator version" clause. */
    public record Clause(RpmOperator operator, RpmVersion version) {
        public Clause {
            Objects.requireNonNull(operator);
            Objects.requireNonNull(version);
        }

        @Override
        public String toString() {
            return operator.symbol() + " " + version;
        }
    }

    public static RpmConstraint parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidVersionException("rpm constraint longer than " + MAX_LENGTH + " characters: \""
                + expression.substring(0, 40) + "...\"");
        }
        List<Clause> clauses = new ArrayList<>();
        for (String piece : expression.split(",", -1)) {
            clauses.add(parseClause(piece.strip(), expression));
        }
        return new RpmConstraint(expression, clauses);
    }

    private static Clause parseClause(String clause, String expression) throws InvalidVersionException {
        if (clause.isEmpty()) {
            throw problem(expression, "empty clause");
        }
        int end = 0;
        while (end < clause.length() && "<>=!".indexOf(clause.charAt(end)) >= 0) {
            end++;
        }
        String symbol = clause.substring(0, end);
        String version = clause.substring(end).strip();
        if (symbol.isEmpty()) {
            throw problem(expression, "clause \"" + clause + "\" has no operator (<, <=, =, >=, >, !=)");
        }
        RpmOperator operator = RpmOperator.ofSymbol(symbol)
            .orElseThrow(() -> problem(expression, "unknown operator \"" + symbol + "\""));
        if (version.isEmpty()) {
            throw problem(expression, "clause \"" + clause + "\" names no version");
        }
        try {
            return new Clause(operator, RpmVersion.parse(version));
        } catch (InvalidVersionException e) {
            throw problem(expression, e.getMessage());
        }
    }

    private static InvalidVersionException problem(String expression, String reason) {
        return new InvalidVersionException("rpm constraint \"" + expression + "\": " + reason);
    }

    /** Whether the version satisfies every clause; it must be an rpm version. */
    @Override
    public boolean contains(Version version) {
        if (!(version instanceof RpmVersion candidate)) {
            throw new IllegalArgumentException("an rpm constraint cannot test a "
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
