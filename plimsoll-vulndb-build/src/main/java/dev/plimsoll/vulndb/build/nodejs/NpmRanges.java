package dev.plimsoll.vulndb.build.nodejs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plain-text reading of node-semver ranges as the security WG writes them: alternatives separated by "||", each a
 * space-separated set of comparators, operators sometimes followed by a space ("&gt;= 1.7.0-alpha3"). Only what the
 * feed needs without a semver implementation: each alternative's inclusive lower bound.
 */
final class NpmRanges {
    private static final Pattern OPERATOR_SPACE = Pattern.compile("(>=|<=|>|<|=|\\^|~)\\s+");
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+|[xX*]))?.*");

    private NpmRanges() {
    }

    /** The alternatives of a range, trimmed, with operators joined to their versions. */
    static List<String> alternatives(String range) {
        List<String> alternatives = new ArrayList<>();
        for (String alternative : range.split("\\|\\|")) {
            String joined = OPERATOR_SPACE.matcher(alternative.strip()).replaceAll("$1").replaceAll("\\s+", " ");
            if (!joined.isEmpty()) {
                alternatives.add(joined);
            }
        }
        return alternatives;
    }

    /**
     * The fix version of each alternative: its inclusive lower bound (">=1.5.2" → 1.5.2, "^4.8.4", "~1.2.0", "=3.0.0",
     * "3.0.0") without a leading "v"; an alternative bounded below otherwise ("&gt;0.12.7", "&gt;= 2.2.x") has no first
     * fixed version to name and is kept as written, for display. An alternative bounded only above gives none:
     * "&lt;0.0.0" is the WG's way of saying "no patched version".
     */
    static List<String> fixVersions(String patched) {
        Set<String> versions = new LinkedHashSet<>();
        for (String alternative : alternatives(patched)) {
            Optional<String> bound = lowerBound(alternative);
            if (bound.isPresent()) {
                versions.add(bound.get());
            } else if (alternative.startsWith(">") || alternative.contains(" >")) {
                versions.add(alternative);
            }
        }
        return List.copyOf(versions);
    }

    static Optional<String> lowerBound(String alternative) {
        for (String comparator : alternative.split(" ")) {
            String version;
            if (comparator.startsWith(">=")) {
                version = comparator.substring(2);
            } else if (comparator.startsWith("^") || comparator.startsWith("~") || comparator.startsWith("=")) {
                version = comparator.substring(1);
            } else if (!comparator.isEmpty() && (Character.isDigit(comparator.charAt(0))
                    || comparator.startsWith("v"))) {
                version = comparator;
            } else {
                continue;
            }
            if (VERSION.matcher(version).matches() && !version.contains("x") && !version.contains("*")) {
                return Optional.of(version.startsWith("v") ? version.substring(1) : version);
            }
        }
        return Optional.empty();
    }
}
