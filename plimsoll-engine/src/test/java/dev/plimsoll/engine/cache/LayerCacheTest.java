package dev.plimsoll.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.ScanEvent;
import dev.plimsoll.engine.ScanPipeline;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.TarBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer replayed from the cache reaches the analyzers exactly as read from its blob, also when the layers above
 * it differ from those of the image it was recorded in: whiteouts, opaque directories and shadowing of upper
 * layers still apply to it.
 */
class LayerCacheTest {
    @TempDir
    Path dir;

    private static final byte[] BASE = TarBuilder.tar().dir("etc/").file("etc/os-release", "ID=test\n")
            .dir("opt/").file("opt/key.txt", "AKIAIOSFODNN7EXAMPLE\n").file("opt/big.bin", new byte[5000])
            .dir("var/").dir("var/lib/").file("var/lib/state", "base\n").dir("var/lib/dpkg/")
            .file("var/lib/dpkg/status", "Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2\n"
                    + "Architecture: amd64\n\n").hardlink("etc/linked", "etc/os-release")
            .build();

    private Path layout(String name, ImageBuilder image) {
        Path p = dir.resolve(name);
        image.writeOciLayout(p);
        return p;
    }

    /** What the probes were handed, as comparable lines. */
    private List<String> scan(Path layout, Optional<LayerCache> cache, List<ScanEvent> events) throws IOException {
        Probe all = new Probe("test/all", Interests.of(new PathInterest.AnyFile()).withDeleted());
        Probe small = new Probe("test/small", Interests.of(PathInterest.exact("/opt/big.bin"),
                PathInterest.exact("/etc/linked")).withMaxBytes(100));
        new ScanPipeline(new Builtins(List.of(all, small)), new ImageOpener(), WalkLimits.defaults(),
                Clock.systemUTC(), cache).scan(new ScanRequest(new ImageSource.OciLayout(layout, Optional.empty()),
                Platform.LINUX_AMD64), events::add);
        List<String> seen = new ArrayList<>(all.seen);
        seen.addAll(small.seen);
        return seen.stream().sorted().toList();
    }

    @Test
    void replayedBaseLayersUnderDifferentUpperLayersGiveWhatTheBlobsGive() throws IOException {
        Path base = layout("base", ImageBuilder.image().layer(BASE));
        Path derived = layout("derived", ImageBuilder.image().layer(BASE).layer(TarBuilder.tar()
                .whiteout("opt/key.txt").opaque("var/lib").file("var/lib/new", "top\n")
                .file("etc/os-release", "ID=changed\n").build()));
        LayerCache cache = new LayerCache(dir.resolve("cache"), LayerCache.DEFAULT_MAX_BYTES);

        List<ScanEvent> events = new ArrayList<>();
        List<String> baseUncached = scan(base, Optional.empty(), new ArrayList<>());
        assertThat(scan(base, Optional.of(cache), events)).isEqualTo(baseUncached);
        assertThat(events).contains(new ScanEvent.LayersCached(0, 1));
        // the same image under another name: its own analysis, from the replayed layer
        Path sameImage = Files.move(layout("again", ImageBuilder.image().layer(BASE)), dir.resolve("renamed"));
        events.clear();
        assertThat(scan(sameImage, Optional.of(cache), events)).isEqualTo(baseUncached);
        assertThat(events).contains(new ScanEvent.LayersCached(1, 0));

        List<String> derivedUncached = scan(derived, Optional.empty(), new ArrayList<>());
        events.clear();
        List<String> derivedCached = scan(derived, Optional.of(cache), events);
        assertThat(events).as("the base layer is replayed, the top one read").contains(
                new ScanEvent.LayersCached(1, 1));
        assertThat(derivedCached).isEqualTo(derivedUncached)
                .anyMatch(s -> s.startsWith("test/all /opt/key.txt WHITED_OUT 0"))
                .anyMatch(s -> s.startsWith("test/all /var/lib/state WHITED_OUT 0"))
                .anyMatch(s -> s.startsWith("test/all /etc/os-release SHADOWED 0"))
                .anyMatch(s -> s.startsWith("test/all /etc/os-release VISIBLE 1"))
                .anyMatch(s -> s.startsWith("test/small /etc/linked VISIBLE 0"));
        assertThat(derivedCached).noneMatch(s -> s.startsWith("test/small /opt/big.bin"));
    }

    @Test
    void aSecondScanOfTheSameImageReusesItsWholeAnalysis() throws IOException {
        Path derived = layout("derived", ImageBuilder.image().layer(BASE).layer(TarBuilder.tar()
                .whiteout("opt/key.txt").file("etc/os-release", "ID=changed\n").build()));
        LayerCache cache = new LayerCache(dir.resolve("cache"), LayerCache.DEFAULT_MAX_BYTES);
        Builtins builtins = Builtins.standard();
        ScanRequest request = new ScanRequest(new ImageSource.OciLayout(derived, Optional.empty()),
                Platform.LINUX_AMD64);
        ScanResult uncached = new ScanPipeline(builtins, new ImageOpener(), WalkLimits.defaults(),
                Clock.systemUTC()).scan(request, e -> { });
        ScanPipeline cached = new ScanPipeline(builtins, new ImageOpener(), WalkLimits.defaults(), Clock.systemUTC(),
                Optional.of(cache));
        List<ScanEvent> events = new ArrayList<>();
        assertThat(cached.scan(request, events::add)).isEqualTo(uncached);
        assertThat(events).contains(new ScanEvent.AnalysisStarted(2), new ScanEvent.LayersCached(0, 2));
        events.clear();
        ScanResult reused = cached.scan(request, events::add);
        assertThat(events).contains(new ScanEvent.AnalysisReused(2)).noneMatch(e -> e instanceof ScanEvent.ViewBuilt)
                .noneMatch(e -> e instanceof ScanEvent.AnalysisStarted);
        assertThat(reused).isEqualTo(uncached);
        assertThat(reused.inventory().packages()).extracting(p -> p.name()).contains("bash");
        assertThat(reused.inventory().os()).isPresent();
    }

    @Test
    void otherAnalyzersOrVersionsDoNotShareEntriesAndCleanEmptiesTheCache() throws IOException {
        Path base = layout("base", ImageBuilder.image().layer(BASE));
        LayerCache cache = new LayerCache(dir.resolve("cache"), LayerCache.DEFAULT_MAX_BYTES);
        scan(base, Optional.of(cache), new ArrayList<>());
        List<ScanEvent> events = new ArrayList<>();
        Probe other = new Probe("test/other", Interests.of(PathInterest.exact("/etc/os-release")));
        new ScanPipeline(new Builtins(List.of(other)), new ImageOpener(), WalkLimits.defaults(), Clock.systemUTC(),
                Optional.of(cache)).scan(new ScanRequest(new ImageSource.OciLayout(base, Optional.empty()),
                Platform.LINUX_AMD64), events::add);
        assertThat(events).contains(new ScanEvent.LayersCached(0, 1));
        assertThat(cache.clean()).as("two layer entries and two analyses").isEqualTo(4);
        try (Stream<Path> left = Files.list(cache.directory())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void otherInterestsOrWalkLimitsDoNotReuseAnAnalysis() throws IOException {
        Path base = layout("base", ImageBuilder.image().layer(BASE));
        LayerCache cache = new LayerCache(dir.resolve("cache"), LayerCache.DEFAULT_MAX_BYTES);
        ScanRequest request = new ScanRequest(new ImageSource.OciLayout(base, Optional.empty()), Platform.LINUX_AMD64);
        Interests interests = Interests.of(PathInterest.exact("/etc/os-release"));
        List<Interests> variants = List.of(interests, interests.withMaxBytes(100), interests.withDeleted(),
                Interests.of(PathInterest.exact("/etc/linked")), Interests.of(PathInterest.basename("os-release")),
                Interests.of(PathInterest.suffix("/etc/os-release")), Interests.of(PathInterest.glob("/etc/os-*")));
        for (Interests variant : variants) {
            assertThat(analysisReused(request, cache, variant, WalkLimits.defaults()))
                    .as("first scan with %s", variant).isFalse();
            assertThat(analysisReused(request, cache, variant, WalkLimits.defaults()))
                    .as("second scan with %s", variant).isTrue();
        }
        WalkLimits limits = WalkLimits.defaults();
        for (WalkLimits other : List.of(limits.withInMemoryContentBytes(1234), limits.withEntries(1000, 5000),
                new WalkLimits(limits.maxEntriesPerLayer(), limits.maxTotalEntries(), 99, limits.maxPathLength(),
                        limits.maxSymlinkHops(), limits.inMemoryContentBytes()),
                new WalkLimits(limits.maxEntriesPerLayer(), limits.maxTotalEntries(), limits.maxPathDepth(), 999,
                        limits.maxSymlinkHops(), limits.inMemoryContentBytes()),
                new WalkLimits(limits.maxEntriesPerLayer(), limits.maxTotalEntries(), limits.maxPathDepth(),
                        limits.maxPathLength(), 7, limits.inMemoryContentBytes()))) {
            assertThat(analysisReused(request, cache, interests, other)).as("walk limits %s", other).isFalse();
        }
    }

    private boolean analysisReused(ScanRequest request, LayerCache cache, Interests interests, WalkLimits limits)
            throws IOException {
        List<ScanEvent> events = new ArrayList<>();
        new ScanPipeline(new Builtins(List.of(new Probe("test/probe", interests))), new ImageOpener(), limits,
                Clock.systemUTC(), Optional.of(cache)).scan(request, events::add);
        return events.stream().anyMatch(e -> e instanceof ScanEvent.AnalysisReused);
    }

    @Test
    void theCacheStaysWithinItsBound() throws IOException {
        Path base = layout("base", ImageBuilder.image().layer(BASE));
        LayerCache tiny = new LayerCache(dir.resolve("tiny"), 100);
        List<String> uncached = scan(base, Optional.empty(), new ArrayList<>());
        List<ScanEvent> events = new ArrayList<>();
        assertThat(scan(base, Optional.of(tiny), events)).isEqualTo(uncached);
        events.clear();
        assertThat(scan(base, Optional.of(tiny), events)).isEqualTo(uncached);
        assertThat(events).as("entries larger than the bound are not kept").contains(new ScanEvent.LayersCached(0, 1));
        try (Stream<Path> left = Files.list(tiny.directory())) {
            assertThat(left).isEmpty();
        }
    }

    /** Records what it is handed: analyzer, path, visibility, layer, and a digest of the bytes. */
    static final class Probe implements Analyzer {
        final List<String> seen = new ArrayList<>();
        private final AnalyzerId id;
        private final Interests interests;

        Probe(String id, Interests interests) {
            this.id = AnalyzerId.of(id);
            this.interests = interests;
        }

        @Override
        public AnalyzerId id() {
            return id;
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Interests interests() {
            return interests;
        }

        @Override
        public Session open(ScanContext context) {
            return new Session() {
                @Override
                public void accept(FileEntry file) throws IOException {
                    String digest;
                    try (InputStream in = file.open()) {
                        digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                    seen.add(id.value() + " " + file.meta().path() + " " + file.meta().visibility() + " "
                            + file.meta().layer().index() + " " + file.meta().type() + " " + digest);
                }

                @Override
                public AnalyzerOutput finish() {
                    return AnalyzerOutput.empty();
                }
            };
        }
    }
}
