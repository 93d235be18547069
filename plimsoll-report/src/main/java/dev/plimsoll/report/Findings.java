package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.RuleId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The order every report lists findings in: most severe first, then by id (numbers as numbers), then by target
 * and file (an audit's containers by name), then by fingerprint.
 */
final class Findings {
    private Findings() {
    }

    /** In report order; a fingerprint is computed once, and only for findings that tie on everything else. */
    static List<Finding> sorted(List<Finding> findings) {
        // Ids, targets and files ranked once each: a report holds few distinct ones (an audit checks each target
        // some fifty times), and comparing two ids in natural order, or two long target names, is a character walk.
        Map<RuleId, Integer> idRank = ranks(findings, Finding::ruleId);
        Map<String, Integer> targetRank = ranks(findings, f -> f.target().name());
        Map<String, Integer> pathRank = ranks(findings, Findings::path);
        List<Keyed> keyed = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            keyed.add(new Keyed(f, idRank.get(f.ruleId()), targetRank.get(f.target().name()),
                    pathRank.get(path(f))));
        }
        keyed.sort(KEYED_ORDER);
        List<Finding> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.finding());
        }
        return List.copyOf(sorted);
    }

    private static String path(Finding f) {
        return f.location().isPresent() ? f.location().get().path() : "";
    }

    /** Each distinct key's position in the keys' natural order. */
    private static <K extends Comparable<K>> Map<K, Integer> ranks(List<Finding> findings, Function<Finding, K> key) {
        Map<K, Integer> rank = new HashMap<>();
        for (Finding f : findings) {
            rank.putIfAbsent(key.apply(f), 0);
        }
        List<K> keys = new ArrayList<>(rank.keySet());
        keys.sort(null);
        for (int i = 0; i < keys.size(); i++) {
            rank.put(keys.get(i), i);
        }
        return rank;
    }

    /** A finding with its sort keys, each computed at most once; the fingerprint (a SHA-256) only if needed. */
    private static final class Keyed {
        private final Finding finding;
        private final int severity;
        private final int idRank;
        private final int targetRank;
        private final int pathRank;
        private String fingerprint;

        Keyed(Finding finding, int idRank, int targetRank, int pathRank) {
            this.finding = finding;
            this.severity = finding.severity().ordinal();
            this.idRank = idRank;
            this.targetRank = targetRank;
            this.pathRank = pathRank;
        }

        Finding finding() {
            return finding;
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
            int c = Integer.compare(b.severity, a.severity);
            if (c == 0) {
                c = Integer.compare(a.idRank, b.idRank);
            }
            if (c == 0) {
                c = Integer.compare(a.targetRank, b.targetRank);
            }
            if (c == 0) {
                c = Integer.compare(a.pathRank, b.pathRank);
            }
            return c != 0 ? c : a.fingerprint().compareTo(b.fingerprint());
        }
    };
}
