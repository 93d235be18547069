package dev.plimsoll.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.ScanEvent;
import dev.plimsoll.engine.ScanPipeline;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.engine.cache.LayerCache;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bench image's analysis survives the cache unchanged: a second scan reuses it (so every type in it can be
 * stored) and gives a result equal to the scan without a cache. Runs with -Pbench (bin/test).
 */
class AnalysisCacheBenchIT {
    @TempDir
    Path dir;

    @Test
    void everyBenchImageRoundTripsThroughTheCache() throws IOException {
        List<Path> layouts;
        try (Stream<Path> files = Files.list(BenchDir.images())) {
            layouts = files.filter(p -> p.getFileName().toString().endsWith(".oci")).sorted().toList();
        }
        assertThat(layouts).hasSizeGreaterThanOrEqualTo(8);
        Builtins builtins = Builtins.standard().withoutSourceChecks();
        for (Path layout : layouts) {
            LayerCache cache = new LayerCache(dir.resolve(layout.getFileName() + "-cache"), LayerCache.DEFAULT_MAX_BYTES);
            ScanRequest request = new ScanRequest(new ImageSource.OciLayout(layout, Optional.empty()),
                    Platform.LINUX_AMD64);
            ScanResult plain = new ScanPipeline(builtins, new ImageOpener(), WalkLimits.defaults(), Clock.systemUTC())
                    .scan(request, e -> { });
            ScanPipeline cached = new ScanPipeline(builtins, new ImageOpener(), WalkLimits.defaults(),
                    Clock.systemUTC(), Optional.of(cache));
            assertThat(cached.scan(request, e -> { })).as(layout.toString()).isEqualTo(plain);
            List<ScanEvent> events = new ArrayList<>();
            assertThat(cached.scan(request, events::add)).as(layout.toString()).isEqualTo(plain);
            assertThat(events).as(layout + ": the analysis is reused").anyMatch(e -> e instanceof ScanEvent.AnalysisReused);
        }
    }
}
