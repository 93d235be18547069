package dev.plimsoll.engine;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.scan.ScanResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The command line's display filters (--severity, --ignore-unfixed): which findings a report shows. The policy
 * file (a later stage) refines this; the filter only narrows.
 *
 * @param severities    severities kept
 * @param ignoreUnfixed drop vulnerabilities that no version fixes
 */
public record FindingFilter(Set<Severity> severities, boolean ignoreUnfixed) {
    public FindingFilter {
        severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
    }

    public static FindingFilter none() {
        return new FindingFilter(EnumSet.allOf(Severity.class), false);
    }

    public boolean keeps(Finding f) {
        if (!severities.contains(f.severity())) {
            return false;
        }
        return !(ignoreUnfixed && f instanceof VulnerabilityFinding v && v.status() != FixStatus.FIXED
                && v.status() != FixStatus.CANNOT_COMPARE);
    }

    public ScanResult apply(ScanResult result) {
        List<Finding> kept = result.findings().stream().filter(this::keeps).toList();
        return new ScanResult(result.target(), result.inventory(), kept, result.problems());
    }
}
