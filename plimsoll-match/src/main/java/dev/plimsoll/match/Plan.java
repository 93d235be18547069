package dev.plimsoll.match;

import java.util.List;
import java.util.Objects;

/** What a matcher decided for one package: the lookups to run, or why it cannot be looked up at all. */
public sealed interface Plan {

    record Lookups(List<Lookup> lookups) implements Plan {
        public Lookups {
            lookups = List.copyOf(lookups);
            if (lookups.isEmpty()) {
                throw new IllegalArgumentException("a plan needs at least one lookup; use Unmatchable");
            }
        }
    }

    /** The package cannot be matched (no OS release for an OS package, …): reported, never silently skipped. */
    record Unmatchable(String reason) implements Plan {
        public Unmatchable {
            Objects.requireNonNull(reason);
        }
    }

    static Plan of(Lookup... lookups) {
        return new Lookups(List.of(lookups));
    }
}
