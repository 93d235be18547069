package dev.plimsoll.vulndb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a database holds and how fresh it is.
 *
 * @param schemaVersion the file format's version; a reader refuses others with a clear message
 * @param builtAt       when the database was built
 * @param sources       one entry per feed
 */
public record DbMetadata(int schemaVersion, Instant builtAt, List<SourceInfo> sources) {
    /** The schema this build of Plimsoll reads and writes. */
    public static final int CURRENT_SCHEMA = DbFormat.SCHEMA_VERSION;

    public DbMetadata {
        Objects.requireNonNull(builtAt);
        sources = List.copyOf(sources);
    }

    /** Metadata for a database written now by this build of Plimsoll. */
    public static DbMetadata current(Instant builtAt, List<SourceInfo> sources) {
        return new DbMetadata(CURRENT_SCHEMA, builtAt, sources);
    }

    /** Time since the build; zero when the clock is behind the build time (a skewed clock must not go negative). */
    public Duration age(Clock clock) {
        Duration d = Duration.between(builtAt, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether the database was built longer ago than {@code limit}: a scan warns, and suggests {@code db update}. */
    public boolean olderThan(Duration limit, Clock clock) {
        return age(clock).compareTo(limit) > 0;
    }

    /** Whole days since the build, for messages ("built 9 days ago"). */
    public long ageInDays(Clock clock) {
        return age(clock).toDays();
    }

    /**
     * The oldest of the feeds' own data dates: a fresh build of stale data is still stale (a mirror that stopped
     * updating). Empty when no feed reports a date.
     */
    public Optional<Instant> oldestDataDate() {
        return sources.stream().flatMap(s -> s.dataDate().stream()).min(Instant::compareTo);
    }

    public Optional<SourceInfo> source(String feed) {
        return sources.stream().filter(s -> s.feed().equals(feed)).findFirst();
    }
}
