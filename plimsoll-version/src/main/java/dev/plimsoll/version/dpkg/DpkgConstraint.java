package dev.plimsoll.version.dpkg;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Comma-separated clauses in Debian relation syntax, all of which must hold: {@code "<< 1.2-3"},
 * {@code ">= 1:2.0, << 1:2.1~"}. Each clause is a relation and a version, with or without a space between.
 *
 * <p>A bare {@code <} or {@code >} is rejected: in Debian syntax they are obsolete spellings of {@code <=} and
 * {@code >=} (dpkg still reads them so), while most other feeds mean "strictly", so either reading would be a
 * silent guess.
 */
public record DpkgConstraint(String raw, List<Clause> clauses) implements VersionConstraint {
    /** Bounds the work one hostile expression can cause. */
    public static final int MAX_LENGTH = 4096;

    public DpkgConstraint {
        Objects.requireNonNull(raw);
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a constraint needs at least one clause");
        }
    }

    /** One "relation version" clause. */
    public record Clause(DpkgRelation relation, DpkgVersion version) {
        public Clause {
            Objects.requireNonNull(relation);
            Objects.requireNonNull(version);
        }

        @Override
        public String toString() {
            return relation.symbol() + " " + version;
        }
    }

    public static DpkgConstraint parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidVersionException("dpkg constraint longer than " + MAX_LENGTH + " characters: \""
                + expression.substring(0, 40) + "...\"");
        }
        List<Clause> clauses = new ArrayList<>();
        for (String piece : expression.split(",", -1)) {
            clauses.add(parseClause(piece.strip(), expression));
        }
        return new DpkgConstraint(expression, clauses);
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
            throw problem(expression, "clause \"" + clause + "\" has no relation (<<, <=, =, >=, >>, !=)");
        }
        if (symbol.equals("<") || symbol.equals(">")) {
            throw problem(expression, "relation \"" + symbol + "\" is ambiguous (obsolete Debian form of \""
                + symbol + "=\"); write \"" + symbol + symbol + "\" or \"" + symbol + "=\"");
        }
        DpkgRelation relation = DpkgRelation.ofSymbol(symbol)
            .orElseThrow(() -> problem(expression, "unknown relation \"" + symbol + "\""));
        if (version.isEmpty()) {
            throw problem(expression, "clause \"" + clause + "\" names no version");
        }
        try {
            return new Clause(relation, DpkgVersion.parse(version));
        } catch (InvalidVersionException e) {
            throw problem(expression, e.getMessage());
        }
    }

    private static InvalidVersionException problem(String expression, String reason) {
        return new InvalidVersionException("dpkg constraint \"" + expression + "\": " + reason);
    }

    /** Whether the version satisfies every clause; it must be a dpkg version. */
    @Override
    public boolean contains(Version version) {
        if (!(version instanceof DpkgVersion candidate)) {
            throw new IllegalArgumentException("a dpkg constraint cannot test a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        for (Clause clause : clauses) {
            if (!clause.relation().test(candidate, clause.version())) {
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
