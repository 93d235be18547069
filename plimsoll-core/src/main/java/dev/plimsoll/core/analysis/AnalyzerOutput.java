package dev.plimsoll.core.analysis;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one analyzer session found. */
public record AnalyzerOutput(List<Package> packages, Optional<OsRelease> os, List<Finding> findings,
                             List<ScanProblem> problems) {
    public AnalyzerOutput {
        packages = List.copyOf(packages);
        Objects.requireNonNull(os);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }

    public static AnalyzerOutput empty() {
        return new AnalyzerOutput(List.of(), Optional.empty(), List.of(), List.of());
    }

    public static AnalyzerOutput packages(List<Package> packages, List<ScanProblem> problems) {
        return new AnalyzerOutput(packages, Optional.empty(), List.of(), problems);
    }
}
