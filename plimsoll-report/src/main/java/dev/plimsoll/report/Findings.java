package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import java.util.Comparator;
import java.util.List;

/** The order every report lists findings in: most severe first, then by id, then by fingerprint. */
final class Findings {
    static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.fingerprint().value());

    private Findings() {
    }

    static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(REPORT_ORDER).toList();
    }
}
