package dev.plimsoll.vulndb.build.nodejs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The affected versions of a Node.js core record. The WG writes the release lines concerned and the patched
 * releases separately, and the two overlap: {@code vulnerable: "8.x || 7.x || 5.x"}, {@code patched: "^8.1.4 ||
 * ^7.10.1"} (8.1.4 is in "8.x" but patched), or {@code vulnerable: "<= 10"}, {@code patched: "^6.14.4 || ^8.11.4 ||
 * >= 10.9.0"}. Affected is "vulnerable and not patched". node-semver has no negation, so the complement of the
 * patched regions is written out: each patched alternative is a region ("^8.1.4" is [8.1.4, 9.0.0)), the gaps
 * between the sorted regions are ranges ("&lt;6.14.4", "&gt;=7.0.0 &lt;8.11.4", "&gt;=9.0.0 &lt;10.9.0"), and each
 * vulnerable alternative is intersected with each gap by joining them ("&lt;=10 &gt;=7.0.0 &lt;8.11.4"). Gaps whose
 * major versions cannot meet the alternative's are left out, so "8.x" gives just "8.x &gt;=8.0.0 &lt;8.1.4".
 *
 * <p>When a patched alternative has a form other than "^v", "~v", "&gt;=v", "&gt;=v &lt;w" or a bare version (read as
 * "^v": the WG writes it for "this release onwards on its line"), the vulnerable range is kept as written: it may
 * then include patched releases, never the reverse.
 */
final class NodeCoreRanges {
    private static final Pattern TRIPLE = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-+].*)?");
    private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=|\\^|~)?(.+)");
    private static final Pattern LEADING_MAJOR = Pattern.compile("v?(\\d+)(.*)");

    private NodeCoreRanges() {
    }

    /** The affected node-semver alternatives; empty when every vulnerable release is patched. */
    static List<String> affected(String vulnerable, String patched) {
        List<String> vulnerableAlternatives = NpmRanges.alternatives(vulnerable);
        Optional<List<String>> gaps = gaps(NpmRanges.alternatives(patched));
        if (gaps.isEmpty()) {
            return vulnerableAlternatives;
        }
        List<String> affected = new ArrayList<>();
        for (String alternative : vulnerableAlternatives) {
            Majors majors = Majors.of(alternative);
            for (String gap : gaps.get()) {
                if (gap.isEmpty()) {
                    affected.add(alternative);
                } else if (majors.meets(Majors.of(gap))) {
                    affected.add(alternative + " " + gap);
                }
            }
        }
        return affected;
    }

    /** The ranges between the patched regions, lowest first; [""] (no restriction) when nothing is patched. */
    private static Optional<List<String>> gaps(List<String> patched) {
        List<Region> regions = new ArrayList<>();
        for (String alternative : patched) {
            Optional<Region> region = Region.of(alternative);
            if (region.isEmpty()) {
                return Optional.empty();
            }
            regions.add(region.get());
        }
        if (regions.isEmpty()) {
            return Optional.of(List.of(""));
        }
        regions.sort(Comparator.comparing(Region::from));
        List<String> gaps = new ArrayList<>();
        Triple previousEnd = null;
        for (Region region : regions) {
            if (previousEnd == null) {
                gaps.add("<" + region.from());
            } else if (previousEnd.compareTo(region.from()) < 0) {
                gaps.add(">=" + previousEnd + " <" + region.from());
            }
            if (region.to().isEmpty()) {
                return Optional.of(gaps);
            }
            previousEnd = previousEnd == null || previousEnd.compareTo(region.to().get()) < 0
                    ? region.to().get() : previousEnd;
        }
        gaps.add(">=" + previousEnd);
        return Optional.of(gaps);
    }

    /** A Node.js release number; pre-release and build suffixes are ignored (Node releases have none). */
    private record Triple(int major, int minor, int patch) implements Comparable<Triple> {
        static Optional<Triple> parse(String text) {
            Matcher m = TRIPLE.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Triple(Integer.parseInt(m.group(1)),
                        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public int compareTo(Triple other) {
            return Comparator.comparingInt(Triple::major).thenComparingInt(Triple::minor)
                    .thenComparingInt(Triple::patch).compare(this, other);
        }

        /** The first release after this one's caret range: next major, or next minor/patch below 1.0. */
        Triple caretEnd() {
            if (major > 0) {
                return new Triple(major + 1, 0, 0);
            }
            return minor > 0 ? new Triple(0, minor + 1, 0) : new Triple(0, 0, patch + 1);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    /** Patched releases [from, to); {@code to} empty for "and every later release". */
    private record Region(Triple from, Optional<Triple> to) {
        static Optional<Region> of(String alternative) {
            String[] comparators = alternative.split(" ");
            Matcher first = COMPARATOR.matcher(comparators[0]);
            if (!first.matches() || comparators.length > 2) {
                return Optional.empty();
            }
            Optional<Triple> from = Triple.parse(first.group(2));
            if (from.isEmpty()) {
                return Optional.empty();
            }
            String op = first.group(1) == null ? "" : first.group(1);
            if (comparators.length == 2) {
                // ">=v <w"
                if (!op.equals(">=") || !comparators[1].startsWith("<") || comparators[1].startsWith("<=")) {
                    return Optional.empty();
                }
                return Triple.parse(comparators[1].substring(1)).map(to -> new Region(from.get(), Optional.of(to)));
            }
            return switch (op) {
                case "^", "", "=" -> Optional.of(new Region(from.get(), Optional.of(from.get().caretEnd())));
                case "~" -> Optional.of(new Region(from.get(),
                        Optional.of(new Triple(from.get().major(), from.get().minor() + 1, 0))));
                case ">=" -> Optional.of(new Region(from.get(), Optional.empty()));
                default -> Optional.empty();
            };
        }
    }

    /** The major versions a comparator set can match, as an interval; wide open when unsure. */
    private record Majors(int low, int high) {
        static Majors of(String comparatorSet) {
            int low = 0;
            int high = Integer.MAX_VALUE;
            for (String comparator : comparatorSet.split(" ")) {
                Matcher m = COMPARATOR.matcher(comparator);
                if (!m.matches()) {
                    continue;
                }
                String op = m.group(1) == null ? "" : m.group(1);
                String version = m.group(2);
                Matcher major = LEADING_MAJOR.matcher(version);
                if (!major.matches()) {
                    continue;
                }
                int n;
                try {
                    n = Integer.parseInt(major.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                switch (op) {
                    case "", "=", "^", "~" -> {
                        low = Math.max(low, n);
                        high = Math.min(high, n);
                    }
                    case ">=", ">" -> low = Math.max(low, n);
                    case "<=" -> high = Math.min(high, n);
                    case "<" -> high = Math.min(high, major.group(2).matches("(\\.0)*") ? n - 1 : n);
                    default -> {
                        // No other operators exist.
                    }
                }
            }
            return new Majors(low, high);
        }

        boolean meets(Majors other) {
            return low <= other.high && other.low <= high;
        }
    }
}
