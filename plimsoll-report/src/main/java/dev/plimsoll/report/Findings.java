package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.RuleId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order every report lists findings in: most severe first, then by id (numbers as numbers), then by target
 * and file (an audit's containers by name), then by fingerprint.
 */
final class Findings {
    private Findings() {
    }

    /** In report order; a fingerprint is computed once, and only for findings that tie on everything else. */
    static List<Finding> sorted(List<Finding> findings) {
        // Ids ranked once: a report holds few distinct ids, and comparing two in natural order is a character walk.
        java.util.Map<RuleId, Integer> rank = new java.util.HashMap<>();
        for (Finding f : findings) {
            rank.putIfAbsent(f.ruleId(), 0);
        }
        List<RuleId> ids = new ArrayList<>(rank.keySet());
        ids.sort(null);
        for (int i = 0; i < ids.size(); i++) {
            rank.put(ids.get(i), i);
        }
        List<Keyed> keyed = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            keyed.add(new Keyed(f, rank.get(f.ruleId())));
        }
        keyed.sort(KEYED_ORDER);
        List<Finding> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.finding());
        }
        return List.copyOf(sorted);
    }

    /** A finding with its sort keys, each computed at most once; the fingerprint (a SHA-256) only if needed. */
    private static final class Keyed {
        private final Finding finding;
        private final int idRank;
        private final String path;
        private String fingerprint;

        Keyed(Finding finding, int idRank) {
            this.finding = finding;
            this.idRank = idRank;
            this.path = finding.location().map(l -> l.path()).orElse("");
        }

        Finding finding() {
            return finding;
        }

        String path() {
            return path;
        }

        String fingerprint() {
            if (fingerprint == null) {
                fingerprint = finding.fingerprint().value();
            }
            return fingerprint;
        }
    }

    /** A class rather than a chain of comparator lambdas, each of which a fresh JVM would spin and link first. */
    private static final Comparator<Keyed> KEYED_ORDER = new Comparator<>() {
        @Override
        public int compare(Keyed a, Keyed b) {
            int c = b.finding().severity().compareTo(a.finding().severity());
            if (c == 0) {
                c = Integer.compare(a.idRank, b.idRank);
            }
            if (c == 0) {
                c = a.finding().target().name().compareTo(b.finding().target().name());
            }
            if (c == 0) {
                c = a.path().compareTo(b.path());
            }
            return c != 0 ? c : a.fingerprint().compareTo(b.fingerprint());
        }
    };
}
