package dev.plimsoll.vulndb.build;

import dev.plimsoll.vulndb.DbCounts;
import dev.plimsoll.vulndb.DbMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a build: what each feed gave, what the database holds, and how long it took.
 *
 * @param dbFile   the database written
 * @param feeds    one report per feed that was present, in the order the feeds were given
 * @param absent   ids of the feeds with no data under the data root (not built in)
 * @param counts   what the database holds (after merging and removing exact duplicates)
 * @param metadata the metadata written into the database
 * @param time     the whole build, writing included
 */
public record BuildReport(Path dbFile, List<FeedReport> feeds, List<String> absent, DbCounts counts,
                          DbMetadata metadata, Duration time) {
    public BuildReport {
        Objects.requireNonNull(dbFile);
        feeds = List.copyOf(feeds);
        absent = List.copyOf(absent);
        Objects.requireNonNull(counts);
        Objects.requireNonNull(metadata);
        Objects.requireNonNull(time);
    }

    public long skipped() {
        return feeds.stream().mapToLong(FeedReport::skipped).sum();
    }
}
