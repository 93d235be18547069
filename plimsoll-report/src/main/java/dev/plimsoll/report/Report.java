package dev.plimsoll.report;

import dev.plimsoll.core.scan.ScanResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a reporter may show. The creation time is passed in rather than read from a clock so that reports are
 * reproducible: tests pass a fixed instant, and two runs with the same instant write the same bytes.
 *
 * @param scan      the scan: inventory, findings and problems
 * @param tool      the tool that wrote the report
 * @param createdAt when the report was made; reports print it to the second
 * @param policy    the policy's verdict, when a policy was applied
 */
public record Report(ScanResult scan, ToolInfo tool, Instant createdAt, Optional<PolicyVerdict> policy) {
    public Report {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(policy, "policy");
    }

    public Report(ScanResult scan, ToolInfo tool, Instant createdAt) {
        this(scan, tool, createdAt, Optional.empty());
    }

    /** The findings that fail the build: none without a verdict. */
    public java.util.List<dev.plimsoll.core.finding.Finding> failing() {
        return policy.map(v -> scan.findings().stream().filter(v::fails).toList()).orElse(java.util.List.of());
    }

    /**
     * The creation time truncated to whole seconds: SPDX requires that precision and CycloneDX's serialiser drops the
     * rest, so every format shows the same instant.
     */
    public Instant createdAtSeconds() {
        return createdAt.truncatedTo(ChronoUnit.SECONDS);
    }
}
