package dev.plimsoll.version.go;

import dev.plimsoll.version.RandomText;
import java.util.List;
import java.util.Random;

/**
 * Generates Go module versions for the differential and property tests: releases, x/mod's shorthands ("v1",
 * "v1.2"), pre-releases with numeric and alphanumeric identifiers, build metadata ("+incompatible"), the three
 * pseudo-version forms, and some text with one character inserted, removed or replaced.
 */
final class GoStrings {
    private static final List<String> IDENTIFIERS = List.of("alpha", "beta", "rc", "0", "1", "2", "10", "11",
        "pre", "x-y", "RC", "a1", "0a", "00", "01", "-", "ea", "dev", "z");
    private static final List<String> BUILDS = List.of("incompatible", "incompatible", "meta", "001", "x.y-z",
        "build.5", "");
    private static final String HEX = "0123456789abcdef";
    private static final String MUTATION_ALPHABET = "v0123456789.-+abcrxV ";

    private final Random random;

    GoStrings(Random random) {
        this.random = random;
    }

    /** A "v"-prefixed version (possibly malformed by a mutation, but always starting with "v"). */
    String version() {
        String text = switch (random.nextInt(10)) {
            case 0 -> "v" + number() + (random.nextBoolean() ? "" : "." + number());
            case 1, 2 -> pseudo();
            default -> release() + prerelease() + build();
        };
        if (random.nextInt(6) == 0) {
            text = mutate(text);
            if (!text.startsWith("v")) {
                text = "v" + text;
            }
        }
        return text;
    }

    /** A version near {@code base}: a number changed, a pre-release added or dropped, or a pseudo-version of it. */
    String near(String base) {
        return switch (random.nextInt(5)) {
            case 0 -> base.replaceFirst("\\d+", Integer.toString(random.nextInt(3)));
            case 1 -> base + (base.contains("-") ? "." : "-") + pick(IDENTIFIERS);
            case 2 -> base.contains("-") ? base.substring(0, base.indexOf('-')) : base + "-0";
            case 3 -> base.contains("+") ? base.substring(0, base.indexOf('+')) : base + "+incompatible";
            default -> version();
        };
    }

    private String release() {
        return "v" + number() + "." + number() + "." + number();
    }

    private String prerelease() {
        if (random.nextInt(3) > 0) {
            return "";
        }
        StringBuilder out = new StringBuilder("-").append(pick(IDENTIFIERS));
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            out.append('.').append(pick(IDENTIFIERS));
        }
        return out.toString();
    }

    private String build() {
        return random.nextInt(5) > 0 ? "" : "+" + pick(BUILDS);
    }

    private String pseudo() {
        String time = String.format("%04d%02d%02d%02d%02d%02d", 2015 + random.nextInt(12), 1 + random.nextInt(12),
            1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60));
        StringBuilder revision = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            revision.append(HEX.charAt(random.nextInt(HEX.length())));
        }
        String tail = time + "-" + revision + (random.nextInt(6) == 0 ? "+incompatible" : "");
        return switch (random.nextInt(3)) {
            case 0 -> "v" + number() + ".0.0-" + tail;
            case 1 -> release() + "-" + pick(List.of("rc1", "beta.2", "pre", "rc.0", "v2.20")) + ".0." + tail;
            default -> release() + "-0." + tail;
        };
    }

    private String number() {
        return switch (random.nextInt(10)) {
            case 0 -> "0";
            case 1 -> Long.toString(1_000_000_000L + random.nextInt(1_000_000));
            case 2 -> "0" + random.nextInt(10);
            default -> Integer.toString(random.nextInt(random.nextBoolean() ? 3 : 25));
        };
    }

    String mutate(String text) {
        return RandomText.mutate(random, text, MUTATION_ALPHABET);
    }

    <T> T pick(List<T> items) {
        return RandomText.pick(random, items);
    }
}
