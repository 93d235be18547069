package dev.plimsoll.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Comma-separated clauses, all of which must hold, each an operator and a version with or without a space between
 * ({@code ">= 2.4.41-r0, < 2.4.43-r0"}): the constraint form of the OS package schemes, which differ only in their
 * {@link ComparatorSyntax}. Versions compare with the scheme's own order, so its policies (epochs, releases,
 * tildes) apply unchanged.
 */
public record ComparatorConstraint<V extends Version>(ComparatorSyntax<V> syntax, String raw, List<Clause<V>> clauses)
        implements VersionConstraint {
    /** Bounds the work one hostile expression can cause. */
    public static final int MAX_LENGTH = 4096;

    public ComparatorConstraint {
        Objects.requireNonNull(syntax);
        Objects.requireNonNull(raw);
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a constraint needs at least one clause");
        }
    }

    /** One "operator version" clause; {@code symbol} is the scheme's own spelling of the comparison. */
    public record Clause<V extends Version>(Comparison comparison, String symbol, V version) {
        public Clause {
            Objects.requireNonNull(comparison);
            Objects.requireNonNull(symbol);
            Objects.requireNonNull(version);
        }

        boolean admits(Version candidate) {
            return comparison.holds(candidate.compareTo(version));
        }

        @Override
        public String toString() {
            return symbol + " " + version;
        }
    }

    public static <V extends Version> ComparatorConstraint<V> parse(ComparatorSyntax<V> syntax, String expression)
            throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidVersionException(syntax.scheme().id() + " constraint longer than " + MAX_LENGTH
                + " characters: \"" + expression.substring(0, 40) + "...\"");
        }
        List<Clause<V>> clauses = new ArrayList<>();
        for (String piece : expression.split(",", -1)) {
            clauses.add(parseClause(syntax, piece.strip(), expression));
        }
        return new ComparatorConstraint<>(syntax, expression, clauses);
    }

    private static <V extends Version> Clause<V> parseClause(ComparatorSyntax<V> syntax, String clause,
            String expression) throws InvalidVersionException {
        if (clause.isEmpty()) {
            throw problem(syntax, expression, "empty clause");
        }
        int end = 0;
        while (end < clause.length() && syntax.operatorChars().indexOf(clause.charAt(end)) >= 0) {
            end++;
        }
        String symbol = clause.substring(0, end);
        String version = clause.substring(end).strip();
        String word = syntax.operatorWord();
        if (symbol.isEmpty()) {
            throw problem(syntax, expression, "clause \"" + clause + "\" has no " + word + " " + syntax.listing());
        }
        if (syntax.refused().containsKey(symbol)) {
            throw problem(syntax, expression, syntax.refused().get(symbol));
        }
        Comparison comparison = syntax.comparison(symbol).orElseThrow(() -> problem(syntax, expression,
            "unknown " + word + " \"" + symbol + "\" " + syntax.listing()));
        if (version.isEmpty()) {
            throw problem(syntax, expression, "clause \"" + clause + "\" names no version");
        }
        try {
            V bound = syntax.versionType().cast(syntax.scheme().parse(version));
            return new Clause<>(comparison, syntax.symbols().get(comparison), bound);
        } catch (InvalidVersionException e) {
            throw problem(syntax, expression, e.getMessage());
        }
    }

    private static InvalidVersionException problem(ComparatorSyntax<?> syntax, String expression, String reason) {
        return new InvalidVersionException(syntax.scheme().id() + " constraint \"" + expression + "\": " + reason);
    }

    /** Whether the version satisfies every clause; it must be a version of the syntax's scheme. */
    @Override
    public boolean contains(Version version) {
        if (!syntax.versionType().isInstance(version)) {
            throw new IllegalArgumentException("the " + syntax.scheme().id() + " constraint \"" + raw
                + "\" cannot test a " + (version == null ? "null" : version.scheme().id()) + " version");
        }
        for (Clause<V> clause : clauses) {
            if (!clause.admits(version)) {
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
