package dev.plimsoll.version.npm;

import java.util.Objects;

/** A primitive comparator, what tilde, caret, x- and hyphen ranges desugar to. */
public sealed interface NpmComparator permits NpmComparator.Any, NpmComparator.Bound {

    boolean test(NpmVersion version);

    /** node-semver's {@code Comparator#value}: "&gt;=1.2.3", "1.2.3" for equality, "" for any version. */
    String value();

    /** Matches every version (written "", "*", "x", "&gt;=0.0.0"); admits no pre-release by itself. */
    record Any() implements NpmComparator {
        @Override
        public boolean test(NpmVersion version) {
            return true;
        }

        @Override
        public String value() {
            return "";
        }
    }

    record Bound(NpmOperator operator, NpmVersion version) implements NpmComparator {
        public Bound {
            Objects.requireNonNull(operator);
            Objects.requireNonNull(version);
        }

        @Override
        public boolean test(NpmVersion candidate) {
            return operator.test(candidate.precedence(version));
        }

        @Override
        public String value() {
            return operator.symbol() + version.normalized();
        }

        /** "&lt;0.0.0-0": nothing is below it, so a set containing it matches nothing. */
        boolean isNothing() {
            return value().equals("<0.0.0-0");
        }
    }
}
