package dev.plimsoll.vulndb.build;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link DbUpdater} gives one {@link FeedSync}: its configuration, a mirror folder in the download cache that
 * outlives the update, the data root to lay the mirror out under, the last successful sync recorded in the update
 * state, and GETs that are retried, bounded and paced like every download. One sync uses it from one thread.
 */
public final class SyncContext {
    private final FeedSync sync;
    private final UpdateConfig config;
    private final HttpFetcher fetcher;
    private final UpdateState state;
    private final Path dataRoot;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant lastRequest;
    private int requests;
    private long bytes;

    SyncContext(FeedSync sync, UpdateConfig config, HttpFetcher fetcher, UpdateState state, Path dataRoot,
                Clock clock, Sleeper sleeper) {
        this.sync = sync;
        this.config = config;
        this.fetcher = fetcher;
        this.state = state;
        this.dataRoot = dataRoot;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The API's base URL: the {@code --url KEY=URL} override, else its default. */
    public URI url() {
        return config.urlOf(sync.key(), sync.defaultUrl());
    }

    public Optional<ApiKey> apiKey() {
        return config.apiKey(sync.key());
    }

    /** Whether this sync was asked for explicitly ({@code --with-nvd}). */
    public boolean requested() {
        return config.requested().contains(sync.key());
    }

    public Clock clock() {
        return clock;
    }

    /** The sync's own folder in the download cache (made if missing); what it keeps there is its business. */
    public Path mirrorDir() throws IOException {
        return Files.createDirectories(config.cacheDir().resolve(DbUpdater.cacheName(sync.key())
                .replace(".download", ".mirror")));
    }

    /** The staging data root the feed will be parsed from. */
    public Path dataRoot() {
        return dataRoot;
    }

    /** When the last successful sync from this same base URL started. */
    public Optional<Instant> lastSync() {
        return state.sync(sync.key()).filter(s -> s.url().equals(url().toString())).map(UpdateState.Sync::syncedAt);
    }

    /** Records a successful sync that started at {@code startedAt}: the next incremental sync starts there. */
    public void recordSync(Instant startedAt) throws IOException {
        state.putSync(sync.key(), new UpdateState.Sync(url().toString(), startedAt));
    }

    /**
     * GETs {@code url} into {@code into} (replaced only once the whole body has arrived), at least {@code spacing}
     * after the previous request of this sync (retries included: the pause is taken with the {@link Sleeper}),
     * retried on 429, 5xx, network errors and {@code alsoRetried} with backoff, honouring Retry-After, the body
     * bounded by {@code maxBytes}. {@code headers} hold credentials: they are sent and never shown.
     *
     * @return the bytes received
     */
    public long get(String what, URI url, Map<String, ApiKey> headers, Set<Integer> alsoRetried, Duration spacing,
                    long maxBytes, Path into) throws IOException, InterruptedException {
        HttpFetcher.Fetched fetched = fetcher.fetchResponse(what, url, headers, alsoRetried, () -> pace(spacing),
                Math.min(maxBytes, config.limits().maxDownloadBytes()), into);
        bytes += fetched.size();
        return fetched.size();
    }

    private void pace(Duration spacing) throws InterruptedException {
        if (lastRequest != null) {
            Duration wait = spacing.minus(Duration.between(lastRequest, clock.instant()));
            if (wait.isPositive()) {
                sleeper.sleep(wait);
            }
        }
        lastRequest = clock.instant();
        requests++;
    }

    /** Requests sent so far, retries included. */
    public int requests() {
        return requests;
    }

    /** Bytes received so far in complete responses. */
    public long bytes() {
        return bytes;
    }
}
