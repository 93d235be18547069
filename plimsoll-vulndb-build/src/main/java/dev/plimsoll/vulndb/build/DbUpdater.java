package dev.plimsoll.vulndb.build;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Updates the database from the feeds' sources: downloads every file the feeds name (conditionally, reusing the
 * cache on 304; retried on 429/5xx; length and published checksums verified) and runs the feeds' API syncs
 * ({@link FeedSync}: NVD) beside them, lays everything out in a staging directory shaped like ../shared/vulndata,
 * builds a new database beside the old one and renames it into place. Any failure (a download, a checksum, a
 * hostile archive, a malformed API page, a feed) leaves the old database as it was. One update at a time per
 * database: a lock file beside it says so.
 */
public final class DbUpdater {
    private static final String STAGING_PREFIX = ".plimsoll-update-";

    private final UpdateConfig config;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DbBuilder builder;

    public DbUpdater(UpdateConfig config, Clock clock) {
        this(config, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build(), Sleeper.REAL, clock, new DbBuilder());
    }

    /** For tests and embedders: a given client (TLS is the JDK's, verified), waits and builder. */
    public DbUpdater(UpdateConfig config, HttpClient client, Sleeper sleeper, Clock clock, DbBuilder builder) {
        this.config = config;
        this.client = client;
        this.sleeper = sleeper;
        this.clock = clock;
        this.builder = builder;
    }

    /** Downloads, builds and installs a new database at {@code dbFile} from these feeds. */
    @SuppressWarnings("try")   // the lock is held by being open, never referenced
    public UpdateReport update(Path dbFile, List<Feed> feeds) throws IOException {
        Path db = dbFile.toAbsolutePath();
        Path dir = db.getParent();
        Files.createDirectories(dir);
        Files.createDirectories(config.cacheDir());
        Path lockFile = db.resolveSibling(db.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockChannel, db)) {
            removeLeftovers(dir, db);
            Path staging = Files.createTempDirectory(dir, STAGING_PREFIX);
            try {
                UpdateState state = UpdateState.load(UpdateState.fileFor(db));
                Fetches fetches = downloadAll(feeds, staging, state);
                Map<String, FeedOrigin> origins = origins(feeds, fetches);
                BuildReport build = builder.build(staging, db, feeds, clock, origins);
                return new UpdateReport(fetches.downloads(), fetches.syncs(), build);
            } finally {
                deleteTree(staging);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel, Path db) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new UpdateException(db + ": another update of this database is running");
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            throw new UpdateException(db + ": another update of this database is running");
        }
    }

    /** Staging directories and writer temporaries that a killed update left beside the database. */
    private static void removeLeftovers(Path dir, Path db) throws IOException {
        String writerPrefix = "." + db.getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX)) {
                    deleteTree(p);
                } else if (name.startsWith(writerPrefix) && (name.endsWith(".tmp") || name.endsWith(".spill"))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** What the downloads and the syncs did. */
    private record Fetches(List<DownloadReport> downloads, List<SyncReport> syncs) {
    }

    private Fetches downloadAll(List<Feed> feeds, Path staging, UpdateState state) throws IOException {
        try (HttpFetcher fetcher = new HttpFetcher(client, config, sleeper, clock)) {
            return downloadAll(feeds, staging, state, fetcher);
        }
    }

    private Fetches downloadAll(List<Feed> feeds, Path staging, UpdateState state, HttpFetcher fetcher)
            throws IOException {
        ArchiveUnpacker unpacker = new ArchiveUnpacker(config.limits());
        List<Download> all = new ArrayList<>();
        Map<String, Download> byKey = new LinkedHashMap<>();
        for (Feed f : feeds) {
            for (Download d : f.downloads()) {
                if (byKey.putIfAbsent(d.key(), d) != null) {
                    throw new IllegalArgumentException("two downloads share the key " + d.key());
                }
                all.add(d);
            }
        }
        List<FeedSync> toSync = new ArrayList<>();
        for (Feed f : feeds) {
            Optional<FeedSync> sync = f.sync();
            if (sync.isPresent() && byKey.containsKey(sync.get().key())) {
                throw new IllegalArgumentException("a download and a sync share the key " + sync.get().key());
            }
            sync.ifPresent(toSync::add);
        }
        Semaphore slots = new Semaphore(config.parallel());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DownloadReport>> downloads = new ArrayList<>();
            for (Download d : all) {
                downloads.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return downloadOne(d, staging, state, fetcher, unpacker);
                    } finally {
                        slots.release();
                    }
                }));
            }
            // A sync is one paced request at a time, for minutes: it runs beside the downloads, not in a slot.
            List<Future<SyncReport>> syncs = new ArrayList<>();
            for (FeedSync s : toSync) {
                syncs.add(pool.submit(() -> s.sync(new SyncContext(s, config, fetcher, state, staging, clock,
                        sleeper))));
            }
            List<Future<?>> futures = new ArrayList<>(downloads);
            futures.addAll(syncs);
            IOException first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled after another download failed: that failure is reported
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof IOException io ? io
                                : new UpdateException("download failed: " + e.getCause(), e.getCause());
                    }
                    futures.forEach(other -> other.cancel(true));
                }
            }
            if (first != null) {
                throw first;
            }
            return new Fetches(downloads.stream().map(Future::resultNow).toList(),
                    syncs.stream().map(Future::resultNow).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpdateException("update interrupted", e);
        }
    }

    private DownloadReport downloadOne(Download d, Path staging, UpdateState state, HttpFetcher fetcher,
                                       ArchiveUnpacker unpacker) throws IOException, InterruptedException {
        long start = System.nanoTime();
        URI url = config.urlOf(d);
        Path cached = config.cacheDir().resolve(cacheName(d.key()));
        HttpFetcher.Fetched fetched = fetcher.fetch(d.key(), url, state.get(d.key()), cached, d.sha256Url());
        if (fetched.status() == DownloadReport.Status.DOWNLOADED) {
            state.put(d.key(), new UpdateState.Entry(url.toString(), fetched.etag(), fetched.lastModified(),
                    fetched.sha256(), fetched.size(), fetched.fetchedAt()));
        }
        try {
            unpacker.unpack(d, cached, staging);
        } catch (UpdateException e) {
            // A hostile or broken archive must not be offered again as "not modified".
            state.remove(d.key());
            Files.deleteIfExists(cached);
            throw e;
        }
        return new DownloadReport(d.key(), url, fetched.status(), fetched.size(), fetched.sha256(),
                fetched.fetchedAt(), fetched.attempts(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * A feed's origin: its first download's URL (and how many more), fetched when the oldest of them was; for a
     * synced feed, the API's base URL and when the data in its mirror was synced.
     */
    private static Map<String, FeedOrigin> origins(List<Feed> feeds, Fetches fetches) {
        Map<String, DownloadReport> byKey = new LinkedHashMap<>();
        fetches.downloads().forEach(d -> byKey.put(d.key(), d));
        Map<String, FeedOrigin> origins = new LinkedHashMap<>();
        for (SyncReport s : fetches.syncs()) {
            s.syncedAt().ifPresent(at -> origins.put(s.feed(), new FeedOrigin(s.url().toString(), at)));
        }
        for (Feed f : feeds) {
            List<DownloadReport> mine = f.downloads().stream().map(d -> byKey.get(d.key())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            String location = mine.getFirst().url() + (mine.size() > 1 ? " and " + (mine.size() - 1) + " more" : "");
            Optional<DownloadReport> oldest = mine.stream().min((a, b) -> a.fetchedAt().compareTo(b.fetchedAt()));
            origins.put(f.id(), new FeedOrigin(location, oldest.orElseThrow().fetchedAt()));
        }
        return origins;
    }

    /** Readable and collision-free: the key's safe characters plus a short hash of the whole key. */
    static String cacheName(String key) {
        MessageDigest sha = HttpFetcher.sha256();
        String hash = HexFormat.of().formatHex(sha.digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .substring(0, 12);
        String safe = key.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.length() > 80 ? safe.substring(0, 80) : safe) + "-" + hash + ".download";
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
