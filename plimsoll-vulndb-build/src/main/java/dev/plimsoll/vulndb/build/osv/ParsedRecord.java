package dev.plimsoll.vulndb.build.osv;

import dev.plimsoll.core.advisory.Advisory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one OSV record gave: its advisories (one per package it names), the problems found on the way (each a
 * reason for {@link dev.plimsoll.vulndb.build.FeedSink#skipped}; a record with no advisories has at least one),
 * its {@code modified} date, and the ecosystems its affected entries name (as {@link OsvEcosystems#base}).
 */
public record ParsedRecord(Optional<String> id, List<Advisory> advisories, List<String> problems,
                           Optional<Instant> modified, Set<String> ecosystems) {
    public ParsedRecord {
        Objects.requireNonNull(id);
        advisories = List.copyOf(advisories);
        problems = List.copyOf(problems);
        Objects.requireNonNull(modified);
        ecosystems = Set.copyOf(ecosystems);
        if (advisories.isEmpty() && problems.isEmpty()) {
            throw new IllegalArgumentException("a record that gives no advisory must say why");
        }
    }

    static ParsedRecord rejected(Optional<String> id, String reason) {
        return new ParsedRecord(id, List.of(), List.of(reason), Optional.empty(), Set.of());
    }
}
