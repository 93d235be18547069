package dev.plimsoll.vulndb.build;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.vulndb.DbCounts;
import dev.plimsoll.vulndb.DbMetadata;
import dev.plimsoll.vulndb.SourceInfo;
import dev.plimsoll.vulndb.VulnDbWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a database from a data root laid out like ../shared/vulndata: runs every feed that has data there (several
 * at once, on up to {@code threads} threads; the writer takes records from all of them), then writes the file and
 * installs it atomically. A feed that fails as a whole fails the build and leaves the previous database in place;
 * malformed records only count as skipped.
 */
public final class DbBuilder {
    private final int threads;

    /** One thread per core. */
    public DbBuilder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public DbBuilder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /** Builds from a local directory: each feed's origin is the directory, fetched "now". */
    public BuildReport build(Path dataRoot, Path dbFile, List<Feed> feeds, Clock clock) throws IOException {
        return build(dataRoot, dbFile, feeds, clock, Map.of());
    }

    /**
     * Builds with the given origins (the updater passes the URLs and download times); feeds without an entry get
     * the data root and the build time.
     */
    public BuildReport build(Path dataRoot, Path dbFile, List<Feed> feeds, Clock clock,
                             Map<String, FeedOrigin> origins) throws IOException {
        long started = System.nanoTime();
        if (!Files.isDirectory(dataRoot)) {
            throw new IOException(dataRoot + ": data root is not a directory");
        }
        Instant readAt = clock.instant();
        List<Feed> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Feed f : feeds) {
            if (f.present(dataRoot)) {
                present.add(f);
            } else {
                absent.add(f.id());
            }
        }
        if (present.isEmpty()) {
            throw new IOException(dataRoot + ": no feed has data here (looked for "
                    + String.join(", ", feeds.stream().map(Feed::id).toList()) + ")");
        }
        // As db update and db import do: a database's first build makes its directory.
        Files.createDirectories(dbFile.toAbsolutePath().getParent());
        try (VulnDbWriter writer = VulnDbWriter.create(dbFile)) {
            List<FeedReport> reports = runFeeds(dataRoot, present, writer);
            List<FeedReport> failed = reports.stream().filter(FeedReport::failed).toList();
            if (!failed.isEmpty()) {
                throw new DbBuildException(dbFile + ": not built, " + failed.size() + " feed(s) failed: "
                        + String.join("; ", failed.stream().map(r -> r.feed() + ": " + r.failure().orElseThrow())
                        .toList()), reports, null);
            }
            List<SourceInfo> sources = new ArrayList<>();
            for (FeedReport r : reports) {
                FeedOrigin origin = origins.getOrDefault(r.feed(), new FeedOrigin(dataRoot.toString(), readAt));
                sources.add(new SourceInfo(r.feed(), origin.location(), origin.fetchedAt(), r.dataDate(),
                        r.records(), r.skipped(), r.firstError()));
            }
            DbMetadata metadata = DbMetadata.current(clock.instant(), sources);
            DbCounts counts = writer.finish(metadata);
            return new BuildReport(dbFile, reports, absent, counts, metadata,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private List<FeedReport> runFeeds(Path dataRoot, List<Feed> feeds, VulnDbWriter writer) throws IOException {
        int n = Math.min(threads, feeds.size());
        List<FeedReport> reports = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "vulndb-feed");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<FeedReport>> futures = new ArrayList<>();
            for (Feed f : feeds) {
                futures.add(pool.submit(() -> runFeed(dataRoot, f, writer)));
            }
            for (Future<FeedReport> f : futures) {
                reports.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("build interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("feed runner failed", e.getCause());   // runFeed catches everything a feed throws
        }
        return reports;
    }

    private static FeedReport runFeed(Path dataRoot, Feed feed, VulnDbWriter writer) {
        long start = System.nanoTime();
        CountingSink sink = new CountingSink(feed.id(), writer);
        Optional<String> failure = Optional.empty();
        try {
            feed.parse(dataRoot, sink);
        } catch (IOException e) {
            failure = Optional.of("cannot read its data: " + e.getMessage());
        } catch (RuntimeException e) {
            // A parser bug must not take the other feeds down with it, nor be mistaken for a clean run.
            failure = Optional.of("parser failed: " + e);
        }
        return new FeedReport(feed.id(), sink.advisories, sink.cveFacts, sink.skipped, sink.firstError,
                sink.dataDate, Duration.ofNanos(System.nanoTime() - start), failure);
    }

    /** Counts what one feed hands over and passes records on; used by that feed's thread only. */
    private static final class CountingSink implements FeedSink {
        private final String feed;
        private final VulnDbWriter writer;
        private long advisories;
        private long cveFacts;
        private long skipped;
        private Optional<String> firstError = Optional.empty();
        private Optional<Instant> dataDate = Optional.empty();

        CountingSink(String feed, VulnDbWriter writer) {
            this.feed = feed;
            this.writer = writer;
        }

        @Override
        public void advisory(Advisory advisory) {
            try {
                writer.add(advisory);
                advisories++;
            } catch (IllegalArgumentException e) {
                skipped("(" + feed + ") " + advisory.id(), e.getMessage());
            }
        }

        @Override
        public void cveFacts(CveFacts facts) {
            try {
                writer.add(facts);
                cveFacts++;
            } catch (IllegalArgumentException e) {
                skipped("(" + feed + ") " + facts.cve(), e.getMessage());
            }
        }

        @Override
        public void skipped(String file, String reason) {
            skipped++;
            if (firstError.isEmpty()) {
                firstError = Optional.of(file + ": " + reason);
            }
        }

        @Override
        public void dataDate(Instant date) {
            if (dataDate.isEmpty() || date.isAfter(dataDate.get())) {
                dataDate = Optional.of(date);
            }
        }
    }
}
