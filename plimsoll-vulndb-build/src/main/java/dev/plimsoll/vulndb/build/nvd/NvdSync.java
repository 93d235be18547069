package dev.plimsoll.vulndb.build.nvd;

import dev.plimsoll.vulndb.build.ApiKey;
import dev.plimsoll.vulndb.build.FeedSync;
import dev.plimsoll.vulndb.build.SyncContext;
import dev.plimsoll.vulndb.build.SyncReport;
import dev.plimsoll.vulndb.build.UpdateException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Keeps the CVEs of the NVD CVE API 2.0 in a mirror in the download cache ({@link NvdMirror}) and lays it out as
 * {@code nvd/} for {@link NvdFeed}.
 *
 * <p><b>Opt-in.</b> It syncs only when an NVD API key is configured ({@code NVD_API_KEY}: 50 requests per 30 s,
 * a full download in a few minutes) or when it is asked for ({@code db update --with-nvd}). Without a key NVD
 * allows 5 requests per 30 s, so a first full download (~150 pages) takes about 15 minutes, which an update must
 * not spend unasked. When it does not sync, a mirror from an earlier sync is still built in and reported as not
 * refreshed, with its date, so an update never drops NVD data the database had; with no mirror, NVD is left out
 * and the report says so and how to enable it.
 *
 * <p><b>What it fetches.</b> The first sync, and any whose mirror is not a whole one ending with the sync recorded
 * in the update state, downloads every page from {@code startIndex} 0. Later syncs ask only for the CVEs modified
 * since the last sync started ({@code lastModStartDate} = that instant, {@code lastModEndDate} = this sync's
 * start, in windows of at most {@value NvdApi#MAX_WINDOW_DAYS} days, each paged) and keep them in a new folder,
 * which {@link NvdFeed} reads first, so the newest copy of a CVE wins. A full download starts afresh when the last
 * sync is more than {@link #MAX_INCREMENTAL_AGE} old (NVD reprocesses so much in a year that a fresh download
 * costs about the same, and it keeps the mirror from growing without end) or when the increments have grown
 * larger than the full download. A sync less than {@link #MIN_SYNC_INTERVAL} after the last fetches nothing:
 * NVD publishes changes every two hours and asks clients not to sync more often.
 *
 * <p><b>How.</b> One request every 6 s without a key (5 per rolling 30 s, and the pause NVD asks for), every
 * 0.6 s with one (50 per 30 s), taken with the updater's {@link dev.plimsoll.vulndb.build.Sleeper}; 403 (how NVD
 * answers a client over its rate), 429 and 5xx are retried with backoff, honouring Retry-After. A page is bounded
 * by {@link NvdFeed#MAX_FILE_BYTES} and its paging fields are checked ({@link NvdPage}); a malformed page fails
 * the update with its URL, and the mirror, the recorded sync and the database stay as they were. The key is sent
 * in the {@code apiKey} header only, and masked in every message.
 */
public final class NvdSync implements FeedSync {
    /** Three windows: past that, a full download (see the class comment). */
    static final Duration MAX_INCREMENTAL_AGE = NvdApi.MAX_WINDOW.multipliedBy(3);
    static final Duration MIN_SYNC_INTERVAL = Duration.ofHours(2);
    static final Duration SPACING_WITHOUT_KEY = Duration.ofSeconds(30).dividedBy(5);
    static final Duration SPACING_WITH_KEY = Duration.ofSeconds(30).dividedBy(50);
    /** NVD's answer to a client over its rate; 429 and 5xx are retried for every download. */
    static final Set<Integer> RATE_LIMITED = Set.of(403);
    /**
     * Pages of one query that may hold fewer CVEs than asked for before the last (the data can change while it is
     * paged); past that the server is not paged further, or a hostile one could keep the sync going for ever.
     */
    static final int SHORT_PAGES_ALLOWED = 10;
    static final String HOW_TO_ENABLE = "set NVD_API_KEY to an NVD API key (50 requests per 30 s), or pass"
            + " --with-nvd (without a key NVD allows 5 requests per 30 s: a first download takes about 15 minutes)";

    private final int pageSize;

    public NvdSync() {
        this(NvdApi.PAGE_SIZE);
    }

    /** Smaller pages, for tests that page through a few records. */
    NvdSync(int pageSize) {
        if (pageSize < 1 || pageSize > NvdApi.PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + NvdApi.PAGE_SIZE + ": " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public String key() {
        return NvdFeed.ID;
    }

    @Override
    public URI defaultUrl() {
        return NvdApi.BASE;
    }

    @Override
    public SyncReport sync(SyncContext context) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Run run = new Run(context, new NvdApi(context.url(), pageSize), started);
        NvdMirror mirror = NvdMirror.open(context.mirrorDir());
        Instant now = context.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Instant> recorded = context.lastSync();
        Optional<Instant> last = recorded.filter(mirror::endsWith);
        if (context.apiKey().isEmpty() && !context.requested()) {
            if (last.isEmpty()) {
                return run.report(SyncReport.Kind.SKIPPED, Optional.empty(), "skipped: NVD is synced only when"
                        + " asked for, so the database has no NVD data; to include it, " + HOW_TO_ENABLE);
            }
            mirror.layOut(run.target());
            return run.report(SyncReport.Kind.CACHED, last, "not refreshed: built from the NVD data synced at "
                    + last.get() + "; to refresh it, " + HOW_TO_ENABLE);
        }
        if (last.isPresent() && Duration.between(last.get(), now).compareTo(MIN_SYNC_INTERVAL) < 0) {
            mirror.layOut(run.target());
            return run.report(SyncReport.Kind.CACHED, last, "up to date: synced at " + last.get() + ", less than "
                    + MIN_SYNC_INTERVAL.toHours() + " hours ago (NVD publishes changes every 2 hours)");
        }
        Optional<String> whyFull = whyFull(recorded, last, now, mirror);
        Path part = mirror.begin(now, whyFull.isPresent());
        String done;
        try {
            done = whyFull.isPresent() ? run.full(part) + " (" + whyFull.get() + ")"
                    : run.changesSince(last.orElseThrow(), now, part);
            mirror.commit(part, now, whyFull.isPresent());
        } catch (UpdateException e) {
            throw context.apiKey().map(key -> keyHidden(key, e)).orElse(e);
        } finally {
            mirror.abandon(part);
        }
        context.recordSync(now);
        mirror.layOut(run.target());
        return run.report(whyFull.isPresent() ? SyncReport.Kind.FULL : SyncReport.Kind.INCREMENTAL, Optional.of(now),
                done);
    }

    /**
     * The failure of a sync with a key: the key masked should the message hold it, and a hint where the status is
     * also NVD's answer to a key it does not accept.
     */
    private static UpdateException keyHidden(ApiKey key, UpdateException e) {
        String message = e.getMessage().contains(": HTTP 403") || e.getMessage().contains(": HTTP 404")
                ? e.getMessage() + " (NVD also answers so to an API key it does not accept)" : e.getMessage();
        return new UpdateException(key.mask(message), e.getCause());
    }

    /** Why this sync must download everything, or empty when the changes since the last one will do. */
    static Optional<String> whyFull(Optional<Instant> recorded, Optional<Instant> last, Instant now,
                                            NvdMirror mirror) throws IOException {
        if (recorded.isEmpty()) {
            return Optional.of("no earlier sync recorded");
        }
        if (last.isEmpty()) {
            return Optional.of("the cached NVD data does not match the sync recorded at " + recorded.get());
        }
        if (Duration.between(last.get(), now).compareTo(MAX_INCREMENTAL_AGE) > 0) {
            return Optional.of("the last sync, at " + last.get() + ", is more than " + MAX_INCREMENTAL_AGE.toDays()
                    + " days old");
        }
        if (mirror.deltaBytes() > mirror.fullBytes()) {
            return Optional.of("the changes kept since the last full download outgrew it");
        }
        return Optional.empty();
    }

    /** One sync's requests, against one API with one key. */
    private static final class Run {
        private final SyncContext context;
        private final NvdApi api;
        private final long started;
        private final Map<String, ApiKey> headers;
        private final Duration spacing;

        Run(SyncContext context, NvdApi api, long started) {
            this.context = context;
            this.api = api;
            this.started = started;
            this.headers = context.apiKey().map(k -> Map.of("apiKey", k)).orElse(Map.of());
            this.spacing = context.apiKey().isPresent() ? SPACING_WITH_KEY : SPACING_WITHOUT_KEY;
        }

        Path target() {
            return context.dataRoot().resolve("nvd");
        }

        String full(Path folder) throws IOException, InterruptedException {
            Paged paged = pageThrough(api::pageUri, folder, "");
            return "full download: " + paged.cves() + " CVEs in " + paged.pages() + " pages";
        }

        /** The CVEs modified in [from, to], window by window, each window paged; a folder of its own. */
        String changesSince(Instant from, Instant to, Path folder) throws IOException, InterruptedException {
            int windows = 0;
            Paged total = new Paged(0, 0);
            Instant windowStart = from;
            while (windowStart.isBefore(to)) {
                Instant start = windowStart;
                Instant end = start.plus(NvdApi.MAX_WINDOW).isBefore(to) ? start.plus(NvdApi.MAX_WINDOW) : to;
                Paged paged = pageThrough(i -> api.modifiedSinceUri(start, end, i), folder,
                        String.format("w%03d-", windows++));
                total = new Paged(total.pages() + paged.pages(), total.cves() + paged.cves());
                windowStart = end;
            }
            return "changes since " + from + ": " + total.cves() + " CVEs in " + total.pages() + " pages ("
                    + windows + (windows == 1 ? " window" : " windows") + " of at most " + NvdApi.MAX_WINDOW_DAYS
                    + " days)";
        }

        private record Paged(int pages, long cves) {
        }

        /** Every page of one query, saved as {@code <prefix>page-<startIndex>.json} in {@code folder}. */
        private Paged pageThrough(IntFunction<URI> pageUri, Path folder, String prefix)
                throws IOException, InterruptedException {
            int start = 0;
            int pages = 0;
            int shortPages = 0;
            long cves = 0;
            while (true) {
                URI url = pageUri.apply(start);
                Path file = folder.resolve(prefix + String.format("page-%09d.json", start));
                context.get("NVD page", url, headers, RATE_LIMITED, spacing, NvdFeed.MAX_FILE_BYTES, file);
                NvdPage page = NvdPage.read(file, url, start, api.pageSize());
                pages++;
                cves += page.count();
                OptionalInt next = NvdApi.nextStartIndex(start, page.count(), page.totalResults());
                if (next.isEmpty()) {
                    return new Paged(pages, cves);
                }
                if (page.count() < api.pageSize() && ++shortPages > SHORT_PAGES_ALLOWED) {
                    throw new UpdateException("NVD page (" + url + "): malformed response: " + shortPages + " pages"
                            + " with fewer than the " + api.pageSize() + " CVEs asked for before totalResults "
                            + page.totalResults() + " was reached");
                }
                start = next.getAsInt();
            }
        }

        SyncReport report(SyncReport.Kind kind, Optional<Instant> syncedAt, String message) {
            return new SyncReport(NvdFeed.ID, context.url(), kind, context.requests(), context.bytes(), syncedAt,
                    message, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
