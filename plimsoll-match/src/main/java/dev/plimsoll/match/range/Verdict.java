package dev.plimsoll.match.range;

import java.util.Objects;
import java.util.Optional;

/** Whether one advisory's ranges cover an installed version. */
public sealed interface Verdict {

    /**
     * Covered.
     *
     * @param closingFix the {@code fixed} event that ends the range the version lies in: the fix of the installed
     *                   version's own branch, when the ranges say so
     */
    record Affected(Optional<String> closingFix) implements Verdict {
        public Affected {
            Objects.requireNonNull(closingFix);
        }
    }

    record NotAffected() implements Verdict {
    }

    /** The installed version could not be placed (it does not parse, or no scheme orders it). */
    record CannotCompare(String reason) implements Verdict {
        public CannotCompare {
            Objects.requireNonNull(reason);
        }
    }
}
