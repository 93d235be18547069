package dev.plimsoll.version.gem;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Gem::Requirement: comma-separated clauses, all of which must hold ("~&gt; 5.2.4, &gt;= 5.2.4.3", the form of
 * RubySec's patched_versions). Each clause is an optional operator (default {@code =}) and a version.
 */
public record GemRequirement(String raw, List<Clause> clauses) implements VersionConstraint {
    /** Bounds the work one hostile expression can cause. */
    public static final int MAX_LENGTH = 4096;

    /** Longest first, so "&gt;=" is not read as "&gt;" followed by a version starting with "=". */
    private static final List<GemOperator> BY_SYMBOL_LENGTH = List.of(GemOperator.PESSIMISTIC,
        GemOperator.GREATER_OR_EQUAL, GemOperator.LESS_OR_EQUAL, GemOperator.NOT_EQUAL, GemOperator.EQUAL,
        GemOperator.GREATER, GemOperator.LESS);

    public GemRequirement {
        Objects.requireNonNull(raw);
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a requirement needs at least one clause");
        }
    }

    /** One "operator version" clause. */
    public record Clause(GemOperator operator, GemVersion version) {
        public Clause {
            Objects.requireNonNull(operator);
            Objects.requireNonNull(version);
        }

        public boolean test(GemVersion candidate) {
            return operator.test(candidate, version);
        }

        @Override
        public String toString() {
            return operator.symbol() + " " + version;
        }
    }

    /** Parses clauses separated by commas; an empty clause (",," or a trailing comma) is an error. */
    public static GemRequirement parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidVersionException("gem requirement longer than " + MAX_LENGTH + " characters: \""
                + expression.substring(0, 40) + "...\"");
        }
        List<Clause> clauses = new ArrayList<>();
        for (String piece : expression.split(",", -1)) {
            clauses.add(parseClause(piece, expression));
        }
        return new GemRequirement(expression, clauses);
    }

    private static Clause parseClause(String piece, String expression) throws InvalidVersionException {
        String text = GemVersion.trimAsciiWhitespace(piece);
        GemOperator operator = GemOperator.EQUAL;
        for (GemOperator candidate : BY_SYMBOL_LENGTH) {
            if (text.startsWith(candidate.symbol())) {
                operator = candidate;
                text = GemVersion.trimAsciiWhitespace(text.substring(candidate.symbol().length()));
                break;
            }
        }
        // Gem::Version reads a blank string as "0", but a requirement clause must name a version.
        if (text.isEmpty()) {
            throw new InvalidVersionException("gem requirement \"" + expression + "\": clause \"" + piece.strip()
                + "\" names no version");
        }
        try {
            return new Clause(operator, GemVersion.parse(text));
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException("gem requirement \"" + expression + "\": " + e.getMessage());
        }
    }

    /** Whether every clause holds, like {@code Gem::Requirement#satisfied_by?} (pre-releases are not excluded). */
    @Override
    public boolean contains(Version version) {
        if (!(version instanceof GemVersion candidate)) {
            throw new IllegalArgumentException("a gem requirement cannot test a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        for (Clause clause : clauses) {
            if (!clause.test(candidate)) {
                return false;
            }
        }
        return true;
    }
}
