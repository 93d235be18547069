package dev.plimsoll.vulndb.build;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One file of an update.
 *
 * @param key       the download's configuration key
 * @param url       where it was fetched from
 * @param status    downloaded anew, or unchanged on the server (304) and taken from the cache
 * @param bytes     the file's size
 * @param sha256    the file's SHA-256 (hex)
 * @param fetchedAt when the cached copy was downloaded (for a 304, the earlier download)
 * @param attempts  requests made, retries included
 * @param time      time spent on it, waits included
 */
public record DownloadReport(String key, URI url, Status status, long bytes, String sha256, Instant fetchedAt,
                             int attempts, Duration time) {
    public enum Status { DOWNLOADED, NOT_MODIFIED }

    public DownloadReport {
        Objects.requireNonNull(key);
        Objects.requireNonNull(url);
        Objects.requireNonNull(status);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(fetchedAt);
        Objects.requireNonNull(time);
    }
}
