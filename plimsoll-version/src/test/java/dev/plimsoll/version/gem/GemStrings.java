package dev.plimsoll.version.gem;

import java.util.List;
import java.util.Random;

/**
 * Generates RubyGems version and requirement strings biased to the cases that break implementations: trailing
 * zeros before and after letters, letters glued to digits, {@code -} suffixes, case, leading zeros, numbers beyond
 * 64 bits, blank and padded strings, near-misses that must be rejected, and pairs that differ by one small edit.
 */
final class GemStrings {
    private static final List<String> WORDS = List.of("a", "b", "pre", "rc", "beta", "alpha", "dev", "A", "B", "Z",
        "z", "RC", "pre", "aa", "ab", "x");
    private static final List<String> NUMBERS = List.of("0", "0", "1", "1", "2", "3", "9", "10", "00", "01", "007",
        "100", "4294967296", "18446744073709551616", "123456789012345678901234567890");
    private static final List<String> INVALID = List.of("1a", "a", "a1", ".1", "1.", "1..2", "1-", "-1", "1.0-",
        "1.0-.a", "1.0.-a", "1 0", "1,0", "1.0_1", "1.0+1", "v1.0", "=1", "1.0\u00e9", "\u0661", "1\u00a0", "1.0.*",
        "1/0");
    private static final List<String> OPERATORS = List.of("", "=", "!=", ">", "<", ">=", "<=", "~>", "~>", "~>",
        ">=", "<");
    private static final List<String> BAD_OPERATORS = List.of("=>", "=<", "~", "==", "<>", "!", "~=", "> =");
    private static final List<String> SPACES = List.of("", "", "", " ", "  ", "\t", "\n", " \r\n", "\u000b",
        "\f");

    private final Random random;

    GemStrings(Random random) {
        this.random = random;
    }

    /** A version string: usually valid, sometimes padded, blank or malformed. */
    String version() {
        int kind = random.nextInt(100);
        if (kind < 3) {
            return pick(List.of("", " ", "\t\n"));
        }
        if (kind < 8) {
            return pick(INVALID);
        }
        String core = validCore();
        if (kind < 15) {
            return pick(SPACES) + core + pick(SPACES);
        }
        return core;
    }

    /** A version one small edit away from {@code base}, so that pairs are often equal or adjacent. */
    String near(String base) {
        String core = base.strip();
        if (core.isEmpty()) {
            core = "0";
        }
        return switch (random.nextInt(12)) {
            case 0 -> core + ".0";
            case 1 -> core + ".0.0";
            case 2 -> core + "." + pick(WORDS);
            case 3 -> core + "-" + pick(WORDS) + (random.nextBoolean() ? "." + pick(NUMBERS) : "");
            case 4 -> core.replace("-", ".pre.");
            case 5 -> core.toUpperCase();
            case 6 -> core.replaceFirst("[0-9]+$", pick(NUMBERS));
            case 7 -> core.replaceFirst("^[0-9]+", pick(NUMBERS));
            case 8 -> core + pick(WORDS).toLowerCase() + pick(NUMBERS);
            case 9 -> core.contains(".") ? core.substring(0, core.lastIndexOf('.')) : core + ".1";
            case 10 -> core.replaceAll("\\.0(?=\\.|$)", ".00");
            default -> version();
        };
    }

    /** A requirement: one to three clauses, mostly valid, sometimes not, versions often near {@code around}. */
    String requirement(String around) {
        int clauses = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < clauses; i++) {
            if (i > 0) {
                out.append(pick(List.of(", ", ",", " , ", ",  ")));
            }
            out.append(clause(around));
        }
        if (random.nextInt(60) == 0) {
            out.append(pick(List.of(",", ", ", ",,")));
        }
        return out.toString();
    }

    private String clause(String around) {
        int kind = random.nextInt(100);
        String operator = kind < 3 ? pick(BAD_OPERATORS) : pick(OPERATORS);
        String version;
        if (kind >= 3 && kind < 6) {
            version = pick(List.of("", " ", "1.0 1", "a", "1..0", "-1"));
        } else {
            String base = around.isBlank() || random.nextInt(4) == 0 ? validCore() : around.strip();
            version = random.nextBoolean() ? base : near(base).strip();
            if (version.isEmpty()) {
                version = "0";
            }
        }
        return pick(SPACES) + operator + pick(List.of("", " ", " ", "  ", "\t")) + version + pick(SPACES);
    }

    /** Gem::Version's grammar: digits, then dotted alphanumeric parts, then optionally "-" and dotted parts. */
    private String validCore() {
        StringBuilder out = new StringBuilder(pick(NUMBERS));
        int parts = random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            out.append('.').append(alphanumericPart());
        }
        if (random.nextInt(5) == 0) {
            out.append('-');
            int tail = 1 + random.nextInt(2);
            for (int i = 0; i < tail; i++) {
                if (i > 0) {
                    out.append(random.nextBoolean() ? "." : "-");
                }
                out.append(random.nextInt(6) == 0 ? "-" : "").append(alphanumericPart());
            }
        }
        return out.toString();
    }

    private String alphanumericPart() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> pick(NUMBERS);
            case 3 -> pick(WORDS);
            case 4 -> pick(NUMBERS) + pick(WORDS);
            case 5 -> pick(WORDS) + pick(NUMBERS);
            case 6 -> pick(NUMBERS) + pick(WORDS) + pick(NUMBERS);
            default -> "0";
        };
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
