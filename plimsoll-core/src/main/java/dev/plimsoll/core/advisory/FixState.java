package dev.plimsoll.core.advisory;

import java.util.List;
import java.util.Objects;

/** Whether the vendor has a fix, and if not, why not: shown distinctly to users. */
public sealed interface FixState {

    /** Fixed in these versions (one per affected branch). */
    record Fixed(List<String> versions) implements FixState {
        public Fixed {
            versions = List.copyOf(versions);
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("a fix needs at least one version");
            }
        }
    }

    /** Affected, and no fix published yet. */
    record NotFixed() implements FixState {
    }

    /** Affected; the vendor will not fix it, for {@code reason} ("no-dsa", "ignored", "postponed", "end-of-life"). */
    record WontFix(String reason) implements FixState {
        public WontFix {
            Objects.requireNonNull(reason);
        }
    }

    /** The vendor says this package in this release is not affected. Stored so that it can overrule others. */
    record NotAffected(String reason) implements FixState {
        public NotAffected {
            Objects.requireNonNull(reason);
        }
    }
}
