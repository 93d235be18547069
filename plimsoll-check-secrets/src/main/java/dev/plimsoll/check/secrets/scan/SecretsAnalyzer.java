package dev.plimsoll.check.secrets.scan;

import dev.plimsoll.check.secrets.ScanOutcome;
import dev.plimsoll.check.secrets.SecretFindings;
import dev.plimsoll.check.secrets.SecretMatch;
import dev.plimsoll.check.secrets.SecretScanner;
import dev.plimsoll.check.secrets.SkipReason;
import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.Lazy;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets in every regular file of an image (every layer, including the copies a later layer deleted or replaced,
 * since those still ship), a root filesystem or a source tree, and in an image's configuration ({@link
 * ImageConfigSecrets}: {@code Env}, labels, history). Each finding carries the file's path, the line and column, the
 * layer that wrote the file and its visibility.
 *
 * <p>The walk delivers files on one thread; this analyzer hands each to a small pool (one thread per core) and
 * returns at once, with at most {@link #IN_FLIGHT_BYTES} of delivered content waiting, so that decompressing the
 * layers and scanning overlap and no layer is held. Files the engine skips by content (binaries: silently;
 * minified or generated bundles above a size) are counted, and the count is one problem of the report.
 */
public final class SecretsAnalyzer implements Analyzer {
    public static final AnalyzerId ID = AnalyzerId.of("secret/files");
    /**
     * Content waiting for a scanning thread, at most; the walk waits beyond it. Small on purpose: a few hundred
     * typical files keep the threads busy, and queued content that outlives a young collection is copied into the
     * old generation - at 64 MiB a 1 GiB tree left ~1 GiB of dead content there (peak RSS 1.2 GiB, 1 s of GC).
     */
    static final long IN_FLIGHT_BYTES = 8L << 20;

    /** The scanner, built on first use: loading and compiling the rules costs ~0.3 s, which a scan without secrets
     * (an SBOM, --no-secrets) must not pay only because the analyzer is registered. */
    private final Lazy<SecretScanner> scanner;
    private final int threads;

    public SecretsAnalyzer() {
        this(Lazy.of(SecretScanner::withDefaults), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public SecretsAnalyzer(SecretScanner scanner) {
        this(scanner, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public SecretsAnalyzer(SecretScanner scanner, int threads) {
        this(Lazy.ofValue(scanner), threads);
    }

    private SecretsAnalyzer(Lazy<SecretScanner> scanner, int threads) {
        this.scanner = scanner;
        this.threads = threads;
    }

    private SecretScanner scanner() {
        return scanner.get();
    }

    @Override
    public AnalyzerId id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Interests interests() {
        // Every regular file, deleted and shadowed copies too; the engine's own limit decides what is too large.
        return Interests.of(new PathInterest.AnyFile()).withDeleted();
    }

    @Override
    public Session open(ScanContext context) {
        return new FilesSession(context);
    }

    private final class FilesSession implements Session {
        private final ScanContext context;
        private final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<ScanProblem> problems = new ConcurrentLinkedQueue<>();
        private final Map<SkipReason, List<String>> skipped = new EnumMap<>(SkipReason.class);
        private final Semaphore budget = new Semaphore((int) (IN_FLIGHT_BYTES >> 10));
        private ExecutorService pool;

        FilesSession(ScanContext context) {
            this.context = context;
        }

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent() || meta.size() == 0) {
                return;
            }
            if (threads <= 1) {
                scan(file);
                return;
            }
            int permits = (int) Math.min(IN_FLIGHT_BYTES >> 10, Math.max(1, meta.size() >> 10));
            budget.acquireUninterruptibly(permits);
            pool().execute(() -> {
                try {
                    scan(file);
                } catch (IOException | RuntimeException e) {
                    problems.add(new ScanProblem(ProblemKind.MALFORMED_FILE, ID.value(),
                            Optional.of(meta.layer().id()), Optional.of(meta.path()),
                            "could not scan the file for secrets: " + e.getClass().getSimpleName()));
                } finally {
                    budget.release(permits);
                }
            });
        }

        private ExecutorService pool() {
            if (pool == null) {
                AtomicInteger n = new AtomicInteger();
                ThreadFactory factory = r -> {
                    Thread t = new Thread(r, "plimsoll-secrets-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                };
                pool = Executors.newFixedThreadPool(threads, factory);
            }
            return pool;
        }

        private void scan(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            ScanOutcome outcome;
            if (meta.size() <= (4 << 20)) {
                outcome = scanner().scan(meta.path(), file.readAllBytes());
            } else {
                try (InputStream in = file.open()) {
                    outcome = scanner().scan(meta.path(), in, meta.size());
                }
            }
            switch (outcome) {
                case ScanOutcome.Scanned s -> {
                    for (SecretMatch m : s.matches()) {
                        findings.add(SecretFindings.toFinding(m, context.target(), meta.path(),
                                Optional.of(meta.layer()), meta.visibility()));
                    }
                }
                case ScanOutcome.Skipped s -> {
                    if (s.reason() != SkipReason.BINARY) {
                        synchronized (skipped) {
                            skipped.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(meta.path());
                        }
                    }
                }
            }
        }

        @Override
        public AnalyzerOutput finish() {
            if (pool != null) {
                pool.shutdown();
                try {
                    if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                        throw new IllegalStateException("secret scanning did not finish within an hour");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while scanning for secrets", e);
                }
            }
            List<Finding> out = new ArrayList<>(findings);
            out.addAll(ImageConfigSecrets.scan(scanner(), context.target(), context.config()));
            out.sort(Comparator.comparing((Finding f) -> f.location().map(l -> l.path()).orElse(""))
                    .thenComparingInt(f -> f.location().flatMap(l -> l.layer()).map(l -> l.index()).orElse(-1))
                    .thenComparingInt(f -> f.location().map(l -> l.line().orElse(0)).orElse(0))
                    .thenComparingInt(f -> f.location().map(l -> l.column().orElse(0)).orElse(0))
                    .thenComparing(f -> f.ruleId().value()));
            List<ScanProblem> all = new ArrayList<>(problems);
            synchronized (skipped) {
                skipped.forEach((reason, paths) -> {
                    paths.sort(null);
                    all.add(ScanProblem.of(ProblemKind.LIMIT_EXCEEDED, ID.value(), null, paths.size() + " "
                            + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " file(s) not scanned for secrets, e.g. " + paths.getFirst()));
                });
            }
            return new AnalyzerOutput(List.of(), Optional.empty(), out, all);
        }
    }
}
