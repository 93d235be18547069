package dev.plimsoll.version.pep440;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates PEP 440 version and specifier strings biased to what breaks implementations: every spelling of pre,
 * post and dev parts with every separator and omitted numbers, implicit post releases ("1.0-1"), epochs, trailing
 * and leading zeros, numbers beyond 64 bits, local versions that mix numbers and letters, case, a leading "v",
 * Unicode whitespace and the non-ASCII letters Python's IGNORECASE folds, legacy versions that must be rejected,
 * and specifiers with wildcards, locals and all operators next to the versions they are tested on.
 */
final class Pep440Strings {
    private static final List<String> NUMBERS = List.of("0", "0", "1", "1", "2", "3", "10", "00", "01", "007",
        "4294967296", "18446744073709551616");
    private static final List<String> SEPARATORS = List.of("", "", "", ".", "-", "_");
    private static final List<String> PRE = List.of("a", "a", "b", "b", "rc", "rc", "c", "alpha", "beta", "pre",
        "preview", "A", "RC", "Alpha", "BETA", "Pre", "prev\u0131ew");
    private static final List<String> POST = List.of("post", "post", "post", "rev", "r", "POST", "Rev", "R",
        "po\u017Ft");
    private static final List<String> DEV = List.of("dev", "dev", "DEV", "Dev");
    private static final List<String> LOCAL_PARTS = List.of("ubuntu", "abc", "1", "2", "01", "0", "deadbeef", "a1",
        "1a", "Z", "cpu", "cu118", "\u212A", "\u0131x", "\u017F");
    private static final List<String> WHITESPACE = List.of(" ", "\t", "\n", "\r\n", "\u000b", "\u001c", "\u0085",
        "\u00a0", "\u2003", "\u3000", "  ");
    private static final List<String> LEGACY = List.of("1.0-beta-1-2", "2.0-SNAPSHOT", "1.0.0.final", "1.0b2-dev",
        "1.0+", "1.0+local+x", "1..0", ".1", "1.", "v", "1.0a1b1", "1.0.post1.post2", "1.0-", "1.0+_abc",
        "1.0+abc.", "1!", "!1", "1.0-r-", "1.0.dev1.dev2", "0.3m1", "3.2.1p1", "1.0 1", "a1b2c3d4e5f6",
        "1.0\u00e9", "\u0661.0", "1.0\u0130", "1.0.*", "=1.0", "1,0", "1.0.*+x", "1.0.x");
    private static final List<String> OPERATORS = List.of("~=", "==", "==", "!=", "<=", ">=", "<", "<", ">", ">",
        "===");
    private static final List<String> BAD_SPECIFIERS = List.of("=>1.0", "=1.0", "1.0", "~=1", "~=1.*", ">=1.0.*",
        "<1.0+local", "==1.0.*.*", "==1.0a1.*", "== 1 .0", "~=1.0+abc", ">1.0-", "!==1.0", "<>1.0", "==*",
        "==1.*+x", "~ =1.0", "===1.0 x", "===a;b", "===a)b", "=== ", ">= 1.0 ;", "==v", ">=1.0,,<2", ">= 1.0 2");

    private static final Pattern RELEASE_PREFIX = Pattern.compile("^[vV]?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*");

    private final Random random;

    Pep440Strings(Random random) {
        this.random = random;
    }

    /** A version string: usually valid, sometimes padded, legacy or malformed. */
    String version() {
        int kind = random.nextInt(100);
        if (kind < 6) {
            return pick(LEGACY);
        }
        String version = validVersion();
        if (kind < 14) {
            return pick(WHITESPACE) + version + (random.nextBoolean() ? pick(WHITESPACE) : "");
        }
        return version;
    }

    /** A version one small edit away from {@code base}, so pairs are often equal or adjacent. */
    String near(String base) {
        String core = base.strip();
        return switch (random.nextInt(14)) {
            case 0 -> core + ".0";
            case 1 -> core + pick(SEPARATORS) + pick(PRE) + optionalNumber();
            case 2 -> core + pick(List.of("-", ".post", "post", "_r", ".rev")) + pick(NUMBERS);
            case 3 -> core + pick(List.of(".dev", "dev", "-dev", "_DEV")) + optionalNumber();
            case 4 -> core + "+" + local();
            case 5 -> core.toUpperCase();
            case 6 -> core.replaceFirst("[0-9]+$", pick(NUMBERS));
            case 7 -> core.replaceFirst("^[vV]?[0-9]+", pick(NUMBERS));
            case 8 -> core.contains("+") ? core.substring(0, core.indexOf('+')) : core + "+" + local();
            case 9 -> pick(List.of("", "0!", "1!", "v")) + core;
            case 10 -> core.replaceAll("\\.0(?=\\.|$)", "");
            case 11 -> core.replaceFirst("(?i)(rc|a|b|alpha|beta|c|pre|preview)", pick(PRE));
            case 12 -> core.replaceFirst("(?i)\\.?post", pick(List.of("-", ".r", "_rev", "post")));
            default -> version();
        };
    }

    /** A specifier set: zero to three specifiers, versions often near {@code around}. */
    String specifierSet(String around) {
        int count = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(pick(List.of(",", ", ", " , ", ",", ",\t")));
            }
            out.append(specifier(around));
        }
        if (random.nextInt(40) == 0) {
            out.append(pick(List.of(",", ", ", " ,,")));
        }
        return out.toString();
    }

    private String specifier(String around) {
        if (random.nextInt(30) == 0) {
            return pick(BAD_SPECIFIERS);
        }
        String operator = pick(OPERATORS);
        String base = around.isBlank() || random.nextInt(4) == 0 ? validVersion() : around.strip();
        String version = random.nextBoolean() ? base : near(base).strip();
        String gap = pick(List.of("", "", "", " ", "  ", "\t"));
        String pad = random.nextInt(6) == 0 ? pick(WHITESPACE) : "";
        return switch (operator) {
            case "==", "!=" -> {
                int choice = random.nextInt(4);
                if (choice == 0) {
                    // A wildcard takes only epoch and release: "==1!2.0.*".
                    yield pad + operator + gap + releasePrefix(version) + ".*" + pad;
                }
                yield pad + operator + gap + version + pad;
            }
            case "~=" -> pad + operator + gap + withoutLocal(version) + pad;
            case "===" -> pad + operator + gap + (random.nextInt(4) == 0 ? pick(List.of("foobar", "1.0-SNAPSHOT",
                "", "V1.0", "1.0.0")) : version) + pad;
            default -> pad + operator + gap + withoutLocal(version) + pad;
        };
    }

    /** The "[v][N!]N(.N)*" start of a version, or a fresh one. */
    private String releasePrefix(String version) {
        Matcher m = RELEASE_PREFIX.matcher(version);
        if (m.find()) {
            String found = m.group();
            return random.nextInt(3) == 0 && found.contains(".") ? found.substring(0, found.lastIndexOf('.'))
                : found;
        }
        return release();
    }

    private static String withoutLocal(String version) {
        int plus = version.indexOf('+');
        return plus < 0 ? version : version.substring(0, plus);
    }

    private String validVersion() {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(8) == 0) {
            out.append(random.nextBoolean() ? "v" : "V");
        }
        if (random.nextInt(6) == 0) {
            out.append(pick(List.of("0", "1", "2", "00", "10"))).append('!');
        }
        out.append(release());
        if (random.nextInt(3) == 0) {
            out.append(pick(SEPARATORS)).append(pick(PRE)).append(pick(SEPARATORS)).append(optionalNumber());
        }
        if (random.nextInt(4) == 0) {
            if (random.nextInt(3) == 0) {
                out.append('-').append(pick(NUMBERS));
            } else {
                out.append(pick(SEPARATORS)).append(pick(POST)).append(pick(SEPARATORS)).append(optionalNumber());
            }
        }
        if (random.nextInt(4) == 0) {
            out.append(pick(SEPARATORS)).append(pick(DEV)).append(pick(SEPARATORS)).append(optionalNumber());
        }
        if (random.nextInt(5) == 0) {
            out.append('+').append(local());
        }
        return out.toString();
    }

    private String release() {
        StringBuilder out = new StringBuilder(pick(NUMBERS));
        int more = random.nextInt(4);
        for (int i = 0; i < more; i++) {
            out.append('.').append(pick(NUMBERS));
        }
        return out.toString();
    }

    private String local() {
        StringBuilder out = new StringBuilder(pick(LOCAL_PARTS));
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            out.append(pick(List.of(".", "-", "_"))).append(pick(LOCAL_PARTS));
        }
        return out.toString();
    }

    private String optionalNumber() {
        return random.nextInt(3) == 0 ? "" : pick(NUMBERS);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
