package dev.plimsoll.report;

import dev.plimsoll.core.scan.ScanResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Everything a reporter may show. The creation time is passed in rather than read from a clock so that reports are
 * reproducible: tests pass a fixed instant, and two runs with the same instant write the same bytes.
 *
 * @param scan      the scan: inventory, findings and problems
 * @param tool      the tool that wrote the report
 * @param createdAt when the report was made; reports print it to the second
 */
public record Report(ScanResult scan, ToolInfo tool, Instant createdAt) {
    public Report {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * The creation time truncated to whole seconds: SPDX requires that precision and CycloneDX's serialiser drops the
     * rest, so every format shows the same instant.
     */
    public Instant createdAtSeconds() {
        return createdAt.truncatedTo(ChronoUnit.SECONDS);
    }
}
