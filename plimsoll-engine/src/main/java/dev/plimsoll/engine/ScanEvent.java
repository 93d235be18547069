package dev.plimsoll.engine;

import dev.plimsoll.fs.PathSkips;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.problem.ScanProblem;
import java.time.Duration;

/** What a scan reports while it runs; the CLI turns these into debug lines or progress, the engine prints nothing. */
public sealed interface ScanEvent {
    record ImageOpened(ImageSummary image, int layers, Duration took) implements ScanEvent {
    }

    record ViewBuilt(long entries, int visibleFiles, Duration took) implements ScanEvent {
    }

    record AnalyzerFinished(AnalyzerId analyzer, int packages, int findings, Duration took) implements ScanEvent {
    }

    /** Layers replayed from the layer cache (hits) and read from the image and recorded (misses). */
    record LayersCached(int hits, int misses) implements ScanEvent {
    }

    /**
     * The analysis of this very image (same config, layers, target and analyzers) came from the cache: no layer
     * was read.
     */
    record AnalysisReused(int layers) implements ScanEvent {
    }

    /** No stored analysis of this image: its layers are about to be read, or replayed from the layer cache. */
    record AnalysisStarted(int layers) implements ScanEvent {
    }

    record ProblemRecorded(ScanProblem problem) implements ScanEvent {
    }

    /** What one --skip-dirs/--skip-files pattern left out; reported even when it skipped nothing. */
    record PathsSkipped(PathSkips.Skipped skipped) implements ScanEvent {
    }

    /** The inventory was matched against the vulnerability database. */
    record VulnerabilitiesMatched(int packages, int findings, Duration took) implements ScanEvent {
    }
}
