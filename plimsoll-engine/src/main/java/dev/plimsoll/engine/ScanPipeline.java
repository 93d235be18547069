package dev.plimsoll.engine;

import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.cache.CachedImage;
import dev.plimsoll.engine.cache.LayerCache;
import dev.plimsoll.engine.cache.StoredAnalysis;
import dev.plimsoll.fs.InterestIndex;
import dev.plimsoll.fs.SquashWalker;
import dev.plimsoll.fs.SquashedView;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The scan of one image: open it, read every layer once (top-down squash) handing each wanted file to the
 * analyzers' sessions, then assemble the inventory. Later stages (matching, checks, policy) append to the result.
 */
public final class ScanPipeline {
    private final Builtins builtins;
    private final ImageOpener opener;
    private final WalkLimits limits;
    private final Clock clock;
    private final Optional<LayerCache> layerCache;

    public ScanPipeline(Builtins builtins, ImageOpener opener, WalkLimits limits, Clock clock) {
        this(builtins, opener, limits, clock, Optional.empty());
    }

    /** A pipeline that reads layers through a layer cache (see {@link LayerCache} for what it keeps and why). */
    public ScanPipeline(Builtins builtins, ImageOpener opener, WalkLimits limits, Clock clock,
                        Optional<LayerCache> layerCache) {
        this.builtins = builtins;
        this.opener = opener;
        this.limits = limits;
        this.clock = clock;
        this.layerCache = layerCache;
    }

    public ScanResult scan(ScanRequest request, ScanListener listener) throws IOException {
        long start = System.nanoTime();
        List<Analyzer> analyzers = builtins.analyzers();
        List<Interests> interests = analyzers.stream().map(Analyzer::interests).toList();
        InterestIndex index = InterestIndex.compile(interests);
        try (Image opened = opener.open(request.source(), request.platform())) {
            String analyzersKey = fingerprint(analyzers);
            Image image = layerCache.<Image>map(c -> c.wrap(opened, index, analyzersKey)).orElse(opened);
            listener.on(new ScanEvent.ImageOpened(image.summary(), image.layers().size(), since(start)));
            Target target = new Target(request.targetKind(), request.source().displayName());

            Optional<String> resultKey = layerCache.isPresent() && request.skips().isEmpty()
                    ? LayerCache.analysisKey(image, target, analyzersKey + limits.key()) : Optional.empty();
            Optional<StoredAnalysis> stored = resultKey.flatMap(k -> layerCache.get().findAnalysis(k));
            StoredAnalysis analysis;
            if (stored.isPresent()) {
                analysis = stored.get();
                listener.on(new ScanEvent.AnalysisReused(image.layers().size()));
            } else {
                listener.on(new ScanEvent.AnalysisStarted(image.layers().size()));
                analysis = analyse(request, image, index, analyzers, new ScanContext(target, image.config(), clock),
                        listener);
                resultKey.ifPresent(k -> layerCache.get().storeAnalysis(k, analysis));
            }
            List<AnalyzerOutput> outputs = analysis.outputs();
            List<ScanProblem> problems = new ArrayList<>(analysis.problems());
            // Builders record the base image as a manifest annotation or, from a Dockerfile LABEL, in the config.
            ImageSummary summary = image.summary().withBaseImageIfAbsent(
                    Optional.ofNullable(image.config().labels().get(ImageSummary.BASE_NAME)));
            Inventory inventory = InventoryAssembler.assemble(target, Optional.of(summary), outputs,
                    problems);
            inventory.problems().forEach(p -> listener.on(new ScanEvent.ProblemRecorded(p)));
            List<Finding> findings = new ArrayList<>();
            outputs.forEach(o -> findings.addAll(o.findings()));
            return new ScanResult(target, inventory, findings, List.of());
        }
    }

    /** The walk over the image's layers with every analyzer's session, and what the sessions made of it. */
    private StoredAnalysis analyse(ScanRequest request, Image image, InterestIndex index, List<Analyzer> analyzers,
                                   ScanContext context, ScanListener listener) throws IOException {
        // the walk reads the top layer first: fetch in that order
        image.prefetch(image.layers().reversed());
        List<Analyzer.Session> sessions = new ArrayList<>(analyzers.size());
        for (Analyzer a : analyzers) {
            sessions.add(a.open(context));
        }
        List<ScanProblem> problems = new ArrayList<>();
        long walkStart = System.nanoTime();
        List<AnalyzerOutput> outputs = new ArrayList<>(analyzers.size());
        try (SquashedView view = new SquashWalker(limits).walk(image, index,
                (entry, wanted) -> dispatch(entry, wanted, analyzers, sessions, problems), request.skips())) {
            listener.on(new ScanEvent.ViewBuilt(view.entriesRead(), view.files().size(), since(walkStart)));
            if (image instanceof CachedImage cached) {
                listener.on(new ScanEvent.LayersCached(cached.hits(), cached.misses()));
            }
            view.skipped().forEach(s -> listener.on(new ScanEvent.PathsSkipped(s)));
            problems.addAll(0, view.problems());
            for (int i = 0; i < analyzers.size(); i++) {
                long t = System.nanoTime();
                AnalyzerOutput out = finish(analyzers.get(i), sessions.get(i), problems);
                outputs.add(out);
                listener.on(new ScanEvent.AnalyzerFinished(analyzers.get(i).id(), out.packages().size(),
                        out.findings().size(), since(t)));
            }
        }
        return new StoredAnalysis(outputs, problems);
    }

    /**
     * Hands one file to the sessions that want it. An analyzer that throws on one file loses that file only: the
     * failure becomes a problem, so the report says it is incomplete instead of the whole scan failing.
     */
    private static void dispatch(FileEntry entry, BitSet wanted, List<Analyzer> analyzers,
                                 List<Analyzer.Session> sessions, List<ScanProblem> problems) {
        for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
            try {
                sessions.get(i).accept(entry);
            } catch (IOException | RuntimeException e) {
                problems.add(new ScanProblem(ProblemKind.MALFORMED_FILE, analyzers.get(i).id().value(),
                        Optional.of(entry.meta().layer().id()), Optional.of(entry.meta().path()),
                        "could not analyse the file: " + describe(e)));
            }
        }
    }

    private static AnalyzerOutput finish(Analyzer analyzer, Analyzer.Session session, List<ScanProblem> problems) {
        try {
            return session.finish();
        } catch (RuntimeException e) {
            problems.add(ScanProblem.of(ProblemKind.MALFORMED_FILE, analyzer.id().value(), null,
                    "analyzer failed: " + describe(e)));
            return AnalyzerOutput.empty();
        }
    }

    /** What decides the bytes a walk reads and what the analyzers make of them: ids, versions, interests. */
    static String fingerprint(List<Analyzer> analyzers) {
        StringBuilder sb = new StringBuilder();
        for (Analyzer a : analyzers) {
            sb.append(a.id().value()).append('@').append(a.version()).append(' ').append(a.interests().key()).append('\n');
        }
        return sb.toString();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Duration since(long nanoStart) {
        return Duration.ofNanos(System.nanoTime() - nanoStart);
    }
}
