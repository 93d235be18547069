package dev.plimsoll.version.composer;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed composer constraint, shaped as composer/semver builds it: single comparisons, conjunctions,
 * disjunctions and the match-everything "*". Versions are composer-normalised strings ("1.2.0.0-beta1"), and
 * branch names ("dev-main") keep composer's rule that a branch only equals itself.
 */
public sealed interface ComposerTerm {

    /** Whether the normalised version satisfies this term, as {@code Semver::satisfies} decides it. */
    boolean matches(String normalizedVersion);

    /** The term as composer/semver prints it ("[&gt;= 1.0.0.0-dev &lt; 2.0.0.0-dev]"), for diagnostics and tests. */
    String render();

    /** {@code operator version}, the version already normalised (with any "-dev" or stability suffix added). */
    record Comparison(ComposerOperator operator, String version) implements ComposerTerm {
        public Comparison {
            Objects.requireNonNull(operator);
            Objects.requireNonNull(version);
        }

        @Override
        public boolean matches(String candidate) {
            boolean candidateIsBranch = isBranch(candidate);
            boolean boundIsBranch = isBranch(version);
            if (operator == ComposerOperator.NE) {
                return candidateIsBranch || boundIsBranch ? !candidate.equals(version)
                    : PhpVersionCompare.holds(candidate, ComposerOperator.NE, version);
            }
            if (candidateIsBranch && boundIsBranch) {
                return operator == ComposerOperator.EQ && candidate.equals(version);
            }
            // Branches are not ordered against numbered versions: such a comparison never holds.
            if (candidateIsBranch || boundIsBranch) {
                return false;
            }
            return PhpVersionCompare.holds(candidate, operator, version);
        }

        @Override
        public String render() {
            return operator.symbol() + " " + version;
        }

        private static boolean isBranch(String normalized) {
            return normalized.startsWith("dev-");
        }
    }

    /** Every term must match (a space- or comma-separated list, or the two bounds of ~, ^, x and hyphen ranges). */
    record AllOf(List<ComposerTerm> terms) implements ComposerTerm {
        public AllOf {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(String candidate) {
            return terms.stream().allMatch(t -> t.matches(candidate));
        }

        @Override
        public String render() {
            return terms.stream().map(ComposerTerm::render).collect(Collectors.joining(" ", "[", "]"));
        }
    }

    /** Any term may match ({@code ||}). */
    record AnyOf(List<ComposerTerm> terms) implements ComposerTerm {
        public AnyOf {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(String candidate) {
            return terms.stream().anyMatch(t -> t.matches(candidate));
        }

        @Override
        public String render() {
            return terms.stream().map(ComposerTerm::render).collect(Collectors.joining(" || ", "[", "]"));
        }
    }

    /** "*": everything, branches included. */
    record MatchAll() implements ComposerTerm {
        @Override
        public boolean matches(String candidate) {
            return true;
        }

        @Override
        public String render() {
            return "*";
        }
    }
}
