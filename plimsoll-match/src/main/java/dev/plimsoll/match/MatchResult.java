package dev.plimsoll.match;

import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.List;

/**
 * What matching found: the findings, sorted (severity descending, then id, then package), and every problem met
 * (packages that could not be matched, versions that could not be compared, malformed advisory data).
 */
public record MatchResult(List<VulnerabilityFinding> findings, List<ScanProblem> problems) {
    public MatchResult {
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }
}
