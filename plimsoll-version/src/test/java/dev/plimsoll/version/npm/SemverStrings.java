package dev.plimsoll.version.npm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates SemVer-family versions and node-semver ranges biased to what breaks implementations: pre-release
 * identifiers that are numeric, alphanumeric, hyphens, digits glued to letters and leading zeros; numbers at and
 * past 2^53 and 2^64; build metadata; loose-mode prefixes ("v", "=", whitespace of every JavaScript kind);
 * malformed near-misses; and for ranges every operator, x-ranges in every position, partial versions, hyphen
 * ranges, tilde and caret on 0.x, pre-releases in bounds, spacing quirks, empty alternatives and junk tokens.
 *
 * <p>Numbers above 2^53 appear in pre-releases only as one value (see NpmVersion on node's float comparison).
 */
final class SemverStrings {
    static final List<String> NUMBERS = List.of("0", "0", "0", "1", "1", "1", "2", "2", "3", "4", "9", "10", "11",
        "12", "99", "100", "1234567890", "9007199254740991", "9007199254740992");
    static final List<String> HUGE_NUMBERS = List.of("9007199254740993", "18446744073709551615",
        "18446744073709551616", "99999999999999999999");
    private static final List<String> LEADING_ZERO = List.of("00", "01", "007", "000000000000000000001");
    private static final List<String> PRE = List.of("alpha", "beta", "rc", "a", "b", "A", "B", "Z", "z", "alpha1",
        "alpha10", "alpha2", "0", "0", "1", "1", "2", "10", "11", "0a", "1a", "01a", "-", "--", "a-b", "-1", "x", "X",
        "rc-1", "1-rc", "pre", "9007199254740991", "9007199254740992", "99999999999999999999", "RC", "Alpha");
    private static final List<String> BAD_PRE = List.of("01", "00", "", "a_b", "\u00e9", "a b");
    private static final List<String> BUILD = List.of("build", "001", "sha.5114f85", "exp.sha", "a-b", "0", "x.y.z",
        "20130313144700", "-");
    private static final List<String> LOOSE_PREFIX = List.of("v", "=", "v=", "=v", "vv", "==", " ", "v ", "= ",
        "\t", "\u00a0", "\ufeff", "v\u2028", "V", "version");
    private static final List<String> PADDING = List.of(" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\ufeff",
        "\u2003", "\u3000", "\u001c", "\u0085");
    private static final List<String> MALFORMED = List.of("", " ", "1", "1.2", "1.2.3.4", "1.2.3-", "1.2.3+",
        "1.2.3-.a", "1.2.3-a..b", "1.2.3+a..b", "a.b.c", "1.2.3 4", "-1.2.3", "1.-2.3", "1.2.x", "x.y.z", "1.2.3-+",
        "1..3", ".1.2.3", "1.2.3.", "1.2.3_4", "1.2.3-a+b+c", "\u0661.2.3", "1.2.3beta", "1.2.3-beta+", "*",
        "1.2.3=", "v1.2.3v", "1.2.3--", "1.2.3-0.-", "1.2.3+-.-");
    private static final List<String> XS = List.of("x", "X", "*");
    private static final List<String> OPERATORS = List.of("", "", "", "=", "<", "<=", ">", ">=", "<", "<=", ">",
        ">=", "~", "~", "~>", "^", "^", "^");
    private static final List<String> BAD_OPERATORS = List.of("=>", "=<", "<>", "!=", "==", "!", "===", "~=",
        "^^", "~~", "^~", "~^", "> =", "< =", "<= =", ">==", "<==", "<<", ">>", "#");
    private static final List<String> SPECIAL_RANGES = List.of("", " ", "*", "x", "X", "x.x", "*.*.*", ">=0.0.0",
        ">=0.0.0-0", "<0.0.0-0", "<0.0.0", ">*", "<*", "<=*", ">=*", "1.2.3 ||", "|| 1.2.3", "||", "* || 1.2.3-beta",
        ">=0.0.0 || 1.2.3-beta", "1.2.3-beta || *", "<0.0.0-0 || 1.2.3-beta", "* 1.2.3-beta", "~*", "^*", "~x.1",
        "1.2 - 3 - 4", "1.2.3 - ", " - 1.2.3", "1.2.3 -2.0.0", "1.2.3- 2.0.0", "1.2.3 - 2.0.0 - 3.0.0",
        "1.2.3 - 2.0.0 || 3 - 4", "a", "1.2.3 foo", "foo || 1.2.3", ">= <1", "> = 1.2.3", "<= = 1", "< =1",
        "1.*.2", "x.1", "**", "^>1.2.3", "1.2.3-*", "~ >1.2.3", "v 1.2.3", "~ 1.2.3", "^ 1.2.3", "~> 1.2.3",
        ">= 1.2.3 < 2", "1.2.3-v = 2", "1.2.3 +build", "1.2.3+build - 2.0.0+x", ">=1.2.3+b <2+c", "|||",
        "1.2.3||||2.0.0", ">=1.0.0 <0.0.0-0", "^0.0.0", "^0.0", "^0", "~0", "~0.0", "^0.0.x", "^0.x", "^0.1.x",
        "^00.1.2", "~01.2.3", "01.2.3 - 2", "^9007199254740991.0.0", "~9007199254740991", ">9007199254740991",
        "<=9007199254740991.x", "9007199254740991.x", "^1.2.3-beta.01", "1.2.3beta", ">=1.2.3beta", "=v1.2.3",
        "v=1.2.3", "==1.2.3", "<=v1.2.3", ">= v1.2.3", "v1.2.3 - v2.0.0", "=1.2.3-pre - 2", "vv1.2.3 - 2",
        "1 - vv2.0.0", "1 - = 2.0.0", "1.2.3-pre - vv2", ">1.2.3-\u00e9", "1.2.3 - 2.0.0-beta", "1.x - 2.x",
        "* - 1.2.3", "1.2.3 - *");

    private final Random random;

    SemverStrings(Random random) {
        this.random = random;
    }

    /** A version string: mostly strict, often loose-only, sometimes malformed or padded. */
    String version() {
        int kind = random.nextInt(100);
        if (kind < 5) {
            return pick(MALFORMED);
        }
        String core = core(kind < 15);
        if (kind < 30) {
            return pick(LOOSE_PREFIX) + core;
        }
        if (kind < 38) {
            return pick(PADDING) + core + pick(PADDING);
        }
        return core;
    }

    /** A strict SemVer version of ordinary size, the pool for order laws and Cargo. */
    String strictCore() {
        StringBuilder out = new StringBuilder(pick(NUMBERS)).append('.').append(pick(NUMBERS)).append('.')
            .append(pick(NUMBERS));
        if (random.nextInt(3) > 0) {
            out.append('-').append(prerelease(false));
        }
        if (random.nextInt(6) == 0) {
            out.append('+').append(pick(BUILD));
        }
        return out.toString();
    }

    private String core(boolean quirky) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                out.append('.');
            }
            int n = random.nextInt(40);
            out.append(quirky && n == 0 ? pick(HUGE_NUMBERS) : quirky && n == 1 ? pick(LEADING_ZERO) : pick(NUMBERS));
        }
        if (random.nextInt(3) > 0) {
            boolean hyphen = !quirky || random.nextInt(4) > 0;
            out.append(hyphen ? "-" : "").append(prerelease(quirky));
        }
        if (random.nextInt(5) == 0) {
            out.append('+').append(pick(BUILD));
        }
        return out.toString();
    }

    private String prerelease(boolean quirky) {
        int count = 1 + random.nextInt(random.nextInt(4) == 0 ? 4 : 2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append('.');
            }
            int n = random.nextInt(30);
            out.append(quirky && n == 0 ? pick(BAD_PRE) : quirky && n == 1 ? pick(LEADING_ZERO) : pick(PRE));
        }
        return out.toString();
    }

    /** A version one small edit away from {@code base}, so that pairs are often equal or adjacent. */
    String near(String base) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?").matcher(base);
        if (!m.find()) {
            return version();
        }
        String release = m.group(1) + "." + m.group(2) + "." + m.group(3);
        String pre = m.group(4);
        return switch (random.nextInt(12)) {
            case 0 -> release;
            case 1 -> release + "-" + prerelease(false);
            case 2 -> pre == null ? release + "-0" : release + "-" + pre + "." + pick(PRE);
            case 3 -> pre == null ? release + "-alpha" : release + "-" + pre.replaceFirst("\\.[^.]*$", "");
            case 4 -> pre == null ? release : release + "-" + pre.toUpperCase();
            case 5 -> base + "+" + pick(BUILD);
            case 6 -> m.group(1) + "." + m.group(2) + "." + bump(m.group(3)) + (pre == null ? "" : "-" + pre);
            case 7 -> m.group(1) + "." + bump(m.group(2)) + ".0";
            case 8 -> pick(LOOSE_PREFIX) + base;
            case 9 -> pre == null ? release + "-" + pick(PRE) : release + "-" + pre.replaceAll("\\d+", pick(NUMBERS));
            case 10 -> release + (pre == null ? "" : pre);
            default -> version();
        };
    }

    /** A node-semver range: usually well formed, with every construct, sometimes odd or broken. */
    String range() {
        int kind = random.nextInt(100);
        if (kind < 6) {
            return pick(SPECIAL_RANGES);
        }
        int sets = 1 + (random.nextInt(3) == 0 ? random.nextInt(3) : 0);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sets; i++) {
            if (i > 0) {
                out.append(pick(List.of(" || ", "||", " ||", "|| ", "  ||  ", "\t||\n", " | ", " || || ")));
            }
            out.append(comparatorSet(kind < 12));
        }
        if (kind >= 94) {
            out.insert(0, pick(PADDING)).append(pick(PADDING));
        }
        return out.toString();
    }

    private static final List<String> FUZZ_TOKENS = List.of("0", "1", "2", "10", "01", ".", ".", ".", "x", "X", "*",
        " ", " ", " ", "  ", "\t", "-", " - ", "+", "<", ">", "=", "<=", ">=", "~", "~>", "^", "||", "|", "v", "a",
        "beta", "-0", "1.2.3", "1.2", "9007199254740991", "9007199254740992", "99999999999999999999", "\u00a0");

    /** Random token soup: ranges with no intended structure, to reach the corners of node's textual rewriting. */
    String fuzzedRange() {
        int length = 1 + random.nextInt(12);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(pick(FUZZ_TOKENS));
        }
        return out.toString();
    }

    private String comparatorSet(boolean broken) {
        if (random.nextInt(6) == 0) {
            return partial(broken) + pick(List.of(" - ", " - ", " - ", "  -  ", " -\t")) + partial(broken);
        }
        int count = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(pick(List.of(" ", " ", " ", "  ", "\t", " \u00a0", ",")));
            }
            String operator = broken && random.nextInt(3) == 0 ? pick(BAD_OPERATORS) : pick(OPERATORS);
            out.append(operator).append(pick(List.of("", "", "", "", " ", "  "))).append(partial(broken));
        }
        return out.toString();
    }

    private String partial(boolean broken) {
        if (broken && random.nextInt(8) == 0) {
            return pick(MALFORMED);
        }
        String prefix = random.nextInt(8) == 0 ? pick(List.of("v", "=", "v=", "vv", "= ", "V")) : "";
        int components = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder(prefix);
        boolean wild = false;
        for (int i = 0; i < components; i++) {
            if (i > 0) {
                out.append('.');
            }
            int n = random.nextInt(10);
            if (n < 2 && (i > 0 || random.nextBoolean())) {
                out.append(pick(XS));
                wild = true;
            } else if (broken && n == 2) {
                out.append(pick(LEADING_ZERO));
            } else if (broken && n == 3) {
                out.append(pick(HUGE_NUMBERS));
            } else {
                out.append(pick(NUMBERS.subList(0, 16)));
            }
        }
        if (components == 3 && random.nextInt(wild ? 6 : 3) == 0) {
            out.append(broken && random.nextInt(4) == 0 ? "" : "-").append(prerelease(broken));
        }
        if (random.nextInt(12) == 0) {
            out.append('+').append(pick(BUILD));
        }
        return out.toString();
    }

    /** Versions around the numbers a range names: its bounds, their neighbours and pre-releases of them. */
    List<String> versionsNear(String range, int count) {
        List<String> anchors = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?").matcher(range);
        while (m.find()) {
            anchors.add(m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2)) + "."
                + (m.group(3) == null ? "0" : m.group(3)) + (m.group(4) == null ? "" : "-" + m.group(4)));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (anchors.isEmpty() || random.nextInt(8) == 0) {
                result.add(random.nextInt(4) == 0 ? version() : strictCore());
                continue;
            }
            String anchor = pick(anchors);
            String[] parts = anchor.split("-", 2)[0].split("\\.");
            String pre = anchor.contains("-") ? anchor.substring(anchor.indexOf('-') + 1) : null;
            int which = random.nextInt(3);
            int delta = random.nextInt(3) - 1;
            if (delta != 0 && parts[which].length() < 16) {
                long value = Long.parseLong(parts[which]) + delta;
                parts[which] = Long.toString(Math.max(0, value));
                for (int j = which + 1; j < 3 && random.nextBoolean(); j++) {
                    parts[j] = "0";
                }
            }
            String release = String.join(".", parts);
            result.add(switch (random.nextInt(6)) {
                case 0, 1 -> release;
                case 2 -> release + "-" + (pre != null && random.nextBoolean() ? pre : prerelease(false));
                case 3 -> release + "-0";
                case 4 -> pre == null ? release + "-" + pick(PRE) : release + "-" + pre + "." + pick(PRE);
                default -> near(release);
            });
        }
        return result;
    }

    private static String bump(String number) {
        return number.length() < 16 ? Long.toString(Long.parseLong(number) + 1) : number + "0";
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
