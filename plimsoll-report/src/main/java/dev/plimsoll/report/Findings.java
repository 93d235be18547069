package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order every report lists findings in: most severe first, then by id, then by fingerprint. */
final class Findings {
    private Findings() {
    }

    /** In report order; each fingerprint is computed once, not at every comparison. */
    static List<Finding> sorted(List<Finding> findings) {
        List<Keyed> keyed = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            keyed.add(new Keyed(f, f.fingerprint().value()));
        }
        keyed.sort(KEYED_ORDER);
        List<Finding> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.finding());
        }
        return List.copyOf(sorted);
    }

    private record Keyed(Finding finding, String fingerprint) {
    }

    /** A class rather than a chain of comparator lambdas, each of which a fresh JVM would spin and link first. */
    private static final Comparator<Keyed> KEYED_ORDER = new Comparator<>() {
        @Override
        public int compare(Keyed a, Keyed b) {
            int c = b.finding().severity().compareTo(a.finding().severity());
            if (c == 0) {
                c = a.finding().ruleId().compareTo(b.finding().ruleId());
            }
            return c != 0 ? c : a.fingerprint().compareTo(b.fingerprint());
        }
    };
}
