package dev.plimsoll.vulndb.build;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link FeedSync} did in an update.
 *
 * @param feed     the feed's id
 * @param url      the API's base URL
 * @param kind     what was fetched
 * @param requests requests sent, retries included
 * @param bytes    bytes received
 * @param syncedAt when the data now in the mirror was synced (this sync, or an earlier one when nothing was
 *                 fetched); empty when the feed has no data
 * @param message  one line for the user: what was fetched, or why not and how to change that
 * @param time     time spent, waits included
 */
public record SyncReport(String feed, URI url, Kind kind, int requests, long bytes, Optional<Instant> syncedAt,
                         String message, Duration time) {
    public enum Kind {
        /** Everything downloaded anew. */
        FULL,
        /** Only what changed since the last sync. */
        INCREMENTAL,
        /** Nothing fetched: the mirror of an earlier sync is built in (up to date, or not asked for). */
        CACHED,
        /** Nothing fetched and nothing cached: the feed is left out of the database. */
        SKIPPED
    }

    public SyncReport {
        Objects.requireNonNull(feed);
        Objects.requireNonNull(url);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(syncedAt);
        Objects.requireNonNull(message);
        Objects.requireNonNull(time);
    }
}
