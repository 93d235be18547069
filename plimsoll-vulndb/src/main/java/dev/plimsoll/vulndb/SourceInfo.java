package dev.plimsoll.vulndb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed as built into the database.
 *
 * @param feed       feed id ("osv-pypi", "debian-dsa", "alpine", "kev", …)
 * @param location   where it was read from: a URL or a local path
 * @param fetchedAt  when it was downloaded or read
 * @param dataDate   the newest date inside the data (latest record modified, catalogue date), if it has one
 * @param records    records stored
 * @param skipped    malformed records skipped
 * @param firstError the first skipped record's file and reason, when any were skipped
 */
public record SourceInfo(String feed, String location, Instant fetchedAt, Optional<Instant> dataDate, long records,
                         long skipped, Optional<String> firstError) {
    public SourceInfo {
        Objects.requireNonNull(feed);
        Objects.requireNonNull(location);
        Objects.requireNonNull(fetchedAt);
        Objects.requireNonNull(dataDate);
        Objects.requireNonNull(firstError);
    }
}
