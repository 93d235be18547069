package dev.plimsoll.vulndb.build;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one feed contributed to a build.
 *
 * @param feed       the feed's id
 * @param advisories advisories handed to the database
 * @param cveFacts   partial CVE facts handed to the database
 * @param skipped    malformed records reported and left out
 * @param firstError the first skipped record's file and reason
 * @param dataDate   the newest date the feed saw inside its data
 * @param time       how long the feed took to parse
 * @param failure    why the feed failed as a whole (its data root unreadable, a parser bug), if it did
 */
public record FeedReport(String feed, long advisories, long cveFacts, long skipped, Optional<String> firstError,
                         Optional<Instant> dataDate, Duration time, Optional<String> failure) {
    public FeedReport {
        Objects.requireNonNull(feed);
        Objects.requireNonNull(firstError);
        Objects.requireNonNull(dataDate);
        Objects.requireNonNull(time);
        Objects.requireNonNull(failure);
    }

    /** Records stored: advisories and CVE facts. */
    public long records() {
        return advisories + cveFacts;
    }

    public boolean failed() {
        return failure.isPresent();
    }
}
