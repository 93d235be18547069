package dev.plimsoll.vulndb.build;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a feed's data came from, as recorded in the database's metadata: the URL it was downloaded from (or a local
 * path for a build from a directory) and when.
 */
public record FeedOrigin(String location, Instant fetchedAt) {
    public FeedOrigin {
        Objects.requireNonNull(location);
        Objects.requireNonNull(fetchedAt);
    }
}
