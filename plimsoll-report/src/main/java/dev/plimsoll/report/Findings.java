package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
        // Half the long range: the product is estimated in double precision, which rounds near 2^63.
        return sorted(findings, Long.MAX_VALUE / 2);
    }

    /**
     * As {@link #sorted(List)}, packing the sort keys into longs only while their product stays below
     * {@code packLimit}; tests lower it to compare the two ways of sorting.
     */
    static List<Finding> sorted(List<Finding> findings, long packLimit) {
        // Ids, targets and files ranked once each: a report holds few distinct ones (an audit checks each target
        // some fifty times), and comparing two ids in natural order, or two long target names, is a character walk.
        Ranks<RuleId> idRank = new Ranks<>(findings, Finding::ruleId);
        Ranks<String> targetRank = new Ranks<>(findings, f -> f.target().name());
        Ranks<String> pathRank = new Ranks<>(findings, Findings::path);
        double keys = (double) SEVERITIES * idRank.size() * targetRank.size() * pathRank.size();
        Finding[] sorted = keys * findings.size() < packLimit
                ? byPackedKeys(findings, idRank, targetRank, pathRank)
                : byComparator(findings, idRank, targetRank, pathRank);
        return Collections.unmodifiableList(Arrays.asList(sorted));
    }

    private static final int SEVERITIES = Severity.values().length;

    /**
     * Each finding's keys and position packed into one long (mixed radix, the finding's index last), sorted as
     * primitives: for an audit's tens of thousands of results, a fifth of the time the comparator sort took. The
     * index keeps findings that tie on every key in their original order; those are then ordered by fingerprint.
     */
    private static Finding[] byPackedKeys(List<Finding> findings, Ranks<RuleId> idRank, Ranks<String> targetRank,
                                          Ranks<String> pathRank) {
        int n = findings.size();
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            Finding f = findings.get(i);
            long key = SEVERITIES - 1 - f.severity().ordinal(); // most severe first
            key = key * idRank.size() + idRank.of(f);
            key = key * targetRank.size() + targetRank.of(f);
            key = key * pathRank.size() + pathRank.of(f);
            packed[i] = key * n + i;
        }
        Arrays.sort(packed);
        Finding[] sorted = new Finding[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = findings.get((int) (packed[i] % n));
        }
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && packed[end] / n == packed[start] / n) {
                end++;
            }
            if (end - start > 1) {
                byFingerprint(sorted, start, end);
            }
            start = end;
        }
        return sorted;
    }

    /** Stable, as the comparator sort is: findings with equal fingerprints keep their order. */
    private static void byFingerprint(Finding[] findings, int from, int to) {
        Keyed[] keyed = new Keyed[to - from];
        for (int i = from; i < to; i++) {
            keyed[i - from] = new Keyed(findings[i], 0, 0, 0);
        }
        Arrays.sort(keyed, KEYED_ORDER);
        for (int i = from; i < to; i++) {
            findings[i] = keyed[i - from].finding();
        }
    }

    private static Finding[] byComparator(List<Finding> findings, Ranks<RuleId> idRank, Ranks<String> targetRank,
                                          Ranks<String> pathRank) {
        Keyed[] keyed = new Keyed[findings.size()];
        for (int i = 0; i < keyed.length; i++) {
            Finding f = findings.get(i);
            keyed[i] = new Keyed(f, idRank.of(f), targetRank.of(f), pathRank.of(f));
        }
        Arrays.sort(keyed, KEYED_ORDER);
        Finding[] sorted = new Finding[keyed.length];
        for (int i = 0; i < keyed.length; i++) {
            sorted[i] = keyed[i].finding();
        }
        return sorted;
    }

    private static String path(Finding f) {
        return f.location().isPresent() ? f.location().get().path() : "";
    }

    /**
     * Each distinct key's position in the keys' natural order. Findings come in runs that share a key (an audit
     * reports a target's controls together, a scan one package's advisories), so a key equal to the one before
     * reuses its rank without a lookup.
     */
    private static final class Ranks<K extends Comparable<K>> {
        private final Function<Finding, K> key;
        private final Map<K, Integer> rank = new HashMap<>();
        private K lastKey;
        private int lastRank;

        Ranks(List<Finding> findings, Function<Finding, K> key) {
            this.key = key;
            for (Finding f : findings) {
                K k = key.apply(f);
                if (k != lastKey) {
                    rank.putIfAbsent(k, 0);
                    lastKey = k;
                }
            }
            List<K> keys = new ArrayList<>(rank.keySet());
            keys.sort(null);
            for (int i = 0; i < keys.size(); i++) {
                rank.put(keys.get(i), i);
            }
            lastKey = null;
        }

        /** How many distinct keys there are. */
        int size() {
            return rank.size();
        }

        int of(Finding f) {
            K k = key.apply(f);
            if (k != lastKey) {
                lastRank = rank.get(k);
                lastKey = k;
            }
            return lastRank;
        }
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
