package dev.plimsoll.version.maven;

import java.util.List;
import java.util.Random;

/**
 * Generates Maven version strings for the property tests: numbers (with leading zeros and beyond the int and long
 * ranges), every well-known qualifier and its aliases in several cases, unknown qualifiers, "." and "-"
 * separators and digit/letter transitions, and trailing zero or empty components that Maven normalises away.
 */
final class MavenStrings {
    private static final List<String> QUALIFIERS = List.of("alpha", "a", "beta", "b", "milestone", "m", "rc", "cr",
        "snapshot", "SNAPSHOT", "ga", "GA", "final", "Final", "release", "RELEASE", "sp", "SP", "foo", "zebra",
        "aardvark", "K", "x", "RC", "Beta", "M", "");
    private static final List<String> CONVENTIONAL_QUALIFIERS = List.of("alpha", "a", "beta", "b", "milestone",
        "M", "rc", "RC", "cr", "SNAPSHOT", "GA", "Final", "RELEASE", "sp", "jre", "android", "foo");
    private static final List<String> SEPARATORS = List.of(".", "-", "-", ".", "");

    private final Random random;

    MavenStrings(Random random) {
        this.random = random;
    }

    String version() {
        StringBuilder out = new StringBuilder(number());
        int parts = random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            out.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            out.append(random.nextInt(3) == 0 ? QUALIFIERS.get(random.nextInt(QUALIFIERS.size())) : number());
        }
        return out.isEmpty() ? "0" : out.toString();
    }

    /**
     * The shapes real artifacts use, on which ComparableVersion is a total order: dotted numbers, then at most one
     * qualifier, either after "-" with an optional number ("1.0-beta-2", "31.1-jre", "11.0.0-M11") or after "."
     * or "-" without one ("4.1.70.Final", "5.2.25.RELEASE", "1.0-SNAPSHOT"). Mixing a dot-separated qualifier with
     * further numbers ("2.GA4", "2.sp-10.1") is where maven-artifact's order stops being transitive.
     */
    String conventional() {
        StringBuilder out = new StringBuilder(Integer.toString(random.nextInt(3)));
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            out.append('.').append(random.nextInt(4) == 0 ? 0 : random.nextInt(12));
        }
        String qualifier = CONVENTIONAL_QUALIFIERS.get(random.nextInt(CONVENTIONAL_QUALIFIERS.size()));
        switch (random.nextInt(4)) {
            case 0 -> out.append('-').append(qualifier);
            case 1 -> out.append('-').append(qualifier).append(random.nextBoolean() ? "" : "-")
                .append(random.nextInt(12));
            case 2 -> out.append('.').append(qualifier);
            default -> {
                // a plain release
            }
        }
        return out.toString();
    }

    private String number() {
        return switch (random.nextInt(14)) {
            case 0 -> "0" + random.nextInt(10);
            case 1 -> Long.toString(2_000_000_000L + random.nextInt(1_000_000_000));
            case 2 -> "92233720368547758070" + random.nextInt(10);
            case 3, 4 -> "0";
            default -> Integer.toString(random.nextInt(random.nextBoolean() ? 4 : 20));
        };
    }
}
