package dev.plimsoll.vulndb.build;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link DbUpdater} downloads.
 *
 * @param urls           URL overrides by {@link Download#key()} (a mirror, a local server); others use the default
 * @param cacheDir       where the previous downloads are kept, so that a 304 can reuse them
 * @param userAgent      sent with every request
 * @param requestTimeout per request, from sending it to the end of the headers
 * @param readTimeout    longest time the body may send nothing before the attempt is abandoned (a stalled server)
 * @param maxAttempts    attempts per file, the first included, before a 429, 5xx or network error is final
 * @param firstBackoff   wait before the second attempt when the server gives no Retry-After; doubles each time
 * @param maxRetryWait   the longest wait accepted; a server asking for longer (Retry-After) fails the update
 * @param parallel       downloads at once
 * @param limits         bounds on downloads and unpacked archives
 * @param apiKeys        API keys by {@link FeedSync#key()} ("nvd"): sent as a request header, never printed
 * @param requested      {@link FeedSync#key() syncs} asked for explicitly: a sync that is slow without an API key
 *                       (NVD) runs only when it has one or is asked for
 */
public record UpdateConfig(Map<String, URI> urls, Path cacheDir, String userAgent, Duration requestTimeout,
                           Duration readTimeout, int maxAttempts, Duration firstBackoff, Duration maxRetryWait,
                           int parallel, UnpackLimits limits, Map<String, ApiKey> apiKeys, Set<String> requested) {
    public UpdateConfig {
        urls = Map.copyOf(urls);
        apiKeys = Map.copyOf(apiKeys);
        requested = Set.copyOf(requested);
        Objects.requireNonNull(cacheDir);
        Objects.requireNonNull(userAgent);
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(readTimeout);
        Objects.requireNonNull(firstBackoff);
        Objects.requireNonNull(maxRetryWait);
        Objects.requireNonNull(limits);
        if (maxAttempts < 1 || parallel < 1) {
            throw new IllegalArgumentException("maxAttempts and parallel must be at least 1");
        }
    }

    /**
     * Defaults: 2 minutes to the headers, 1 minute of silence in a body, 4 attempts from a 2 s backoff, waits of up
     * to 5 minutes, 4 downloads at once, the default limits.
     */
    public static UpdateConfig defaults(Path cacheDir) {
        return new UpdateConfig(Map.of(), cacheDir, "plimsoll", Duration.ofMinutes(2), Duration.ofMinutes(1), 4,
                Duration.ofSeconds(2), Duration.ofMinutes(5), 4, UnpackLimits.DEFAULT, Map.of(), Set.of());
    }

    public UpdateConfig withUrls(Map<String, URI> overrides) {
        return new UpdateConfig(overrides, cacheDir, userAgent, requestTimeout, readTimeout, maxAttempts,
                firstBackoff, maxRetryWait, parallel, limits, apiKeys, requested);
    }

    public UpdateConfig withUserAgent(String agent) {
        return new UpdateConfig(urls, cacheDir, agent, requestTimeout, readTimeout, maxAttempts, firstBackoff,
                maxRetryWait, parallel, limits, apiKeys, requested);
    }

    public UpdateConfig withTimeouts(Duration request, Duration read) {
        return new UpdateConfig(urls, cacheDir, userAgent, request, read, maxAttempts, firstBackoff, maxRetryWait,
                parallel, limits, apiKeys, requested);
    }

    public UpdateConfig withRetries(int attempts, Duration backoff, Duration maxWait) {
        return new UpdateConfig(urls, cacheDir, userAgent, requestTimeout, readTimeout, attempts, backoff, maxWait,
                parallel, limits, apiKeys, requested);
    }

    public UpdateConfig withLimits(UnpackLimits newLimits) {
        return new UpdateConfig(urls, cacheDir, userAgent, requestTimeout, readTimeout, maxAttempts, firstBackoff,
                maxRetryWait, parallel, newLimits, apiKeys, requested);
    }

    /** With the API key for the sync {@code key} ("nvd"). */
    public UpdateConfig withApiKey(String key, ApiKey apiKey) {
        Map<String, ApiKey> keys = new HashMap<>(apiKeys);
        keys.put(key, Objects.requireNonNull(apiKey));
        return new UpdateConfig(urls, cacheDir, userAgent, requestTimeout, readTimeout, maxAttempts, firstBackoff,
                maxRetryWait, parallel, limits, keys, requested);
    }

    /** With the sync {@code key} ("nvd") asked for explicitly. */
    public UpdateConfig withRequested(String key) {
        Set<String> keys = new HashSet<>(requested);
        keys.add(key);
        return new UpdateConfig(urls, cacheDir, userAgent, requestTimeout, readTimeout, maxAttempts, firstBackoff,
                maxRetryWait, parallel, limits, apiKeys, keys);
    }

    public Optional<ApiKey> apiKey(String key) {
        return Optional.ofNullable(apiKeys.get(key));
    }

    /** The base URL of the sync {@code key}: the override, else its default. */
    public URI urlOf(String key, URI defaultUrl) {
        return urls.getOrDefault(key, defaultUrl);
    }

    /** The URL to fetch for this download. */
    public URI urlOf(Download d) {
        return urls.getOrDefault(d.key(), d.url());
    }

    /**
     * Bounds on what a download may grow to.
     *
     * @param maxDownloadBytes a single downloaded file
     * @param maxEntries       entries in one archive
     * @param maxEntryBytes    one unpacked entry (or a gunzipped file)
     * @param maxTotalBytes    everything one archive unpacks to
     */
    public record UnpackLimits(long maxDownloadBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        /**
         * Above the largest feeds with room to grow: the GHSA repository archive has ~300,000 files and unpacks
         * to ~3 GiB; the NVD and EPSS files are a few hundred MiB.
         */
        public static final UnpackLimits DEFAULT = new UnpackLimits(4L << 30, 1_000_000, 1L << 30, 16L << 30);
    }
}
