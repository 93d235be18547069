package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order every report lists findings in: most severe first, then by id, then by fingerprint. */
final class Findings {
    /** A class rather than a chain of comparator lambdas, each of which a fresh JVM would spin and link first. */
    static final Comparator<Finding> REPORT_ORDER = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int c = b.severity().compareTo(a.severity());
            if (c == 0) {
                c = a.ruleId().compareTo(b.ruleId());
            }
            return c != 0 ? c : a.fingerprint().value().compareTo(b.fingerprint().value());
        }
    };

    private Findings() {
    }

    static List<Finding> sorted(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(REPORT_ORDER);
        return List.copyOf(sorted);
    }
}
