package dev.plimsoll.version.composer;

import dev.plimsoll.version.RandomText;
import java.util.List;
import java.util.Random;

/**
 * Generates Composer versions and constraints for the differential and property tests: mostly well-formed text
 * in every shape composer/semver reads (numbers, v prefixes, stabilities and their spellings, dev markers, build
 * metadata, dates, numeric and named branches, aliases, stability flags; tilde, caret, wildcard, hyphen and
 * comparison constraints joined by the AND and OR separators), and some text with one character inserted,
 * removed or replaced so that the edges of the grammar are exercised too.
 */
final class ComposerStrings {
    private static final List<String> STABILITIES = List.of("stable", "beta", "b", "RC", "rc", "alpha", "a",
        "patch", "pl", "p", "BETA", "Alpha", "Rc", "STABLE", "dev", "foo");
    private static final List<String> OPERATORS = List.of("", "", "=", "==", "<", "<=", ">", ">=", "!=", "<>",
        "~", "~", "^", "^", "~>");
    private static final List<String> FLAGS = List.of("@dev", "@stable", "@beta", "@alpha", "@RC", "@BETA");
    private static final List<String> BRANCHES = List.of("dev-master", "master", "trunk", "default", "dev-main",
        "dev-feature/foo", "foo-dev", "1.x-dev", "1.0.x-dev", "2.*-dev", "v2.X-dev", "3.0.*-dev", "dev-1.x",
        "DEV-Master", "1.0.0-dev", "1-dev", "1.0.0.x-dev");
    private static final String MUTATION_ALPHABET = "0123456789.-_+vxX*@ abdeprt~^<>=!|,#";

    private final Random random;

    ComposerStrings(Random random) {
        this.random = random;
    }

    String version() {
        int kind = random.nextInt(20);
        String text;
        if (kind == 0) {
            text = pick(BRANCHES);
        } else if (kind == 1) {
            text = date();
        } else if (kind == 2) {
            text = numbers() + " as " + numbers();
        } else {
            text = plainVersion();
        }
        if (random.nextInt(12) == 0) {
            text = text + pick(FLAGS);
        }
        if (random.nextInt(25) == 0) {
            text = " " + text + (random.nextBoolean() ? " " : "\t");
        }
        return random.nextInt(8) == 0 ? mutate(text) : text;
    }

    /** A version near {@code base}: a stability or number changed, a dev marker or a trailing .0 added. */
    String near(String base) {
        return switch (random.nextInt(6)) {
            case 0 -> base + ".0";
            case 1 -> base + "-dev";
            case 2 -> base + "-" + pick(STABILITIES) + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(3)));
            case 3 -> base.replaceFirst("\\d+", Integer.toString(random.nextInt(4)));
            case 4 -> mutate(base);
            default -> version();
        };
    }

    String constraint() {
        int alternatives = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < alternatives; i++) {
            if (i > 0) {
                out.append(pick(List.of("||", " || ", "|", " | ", "  ||  ")));
            }
            int conjuncts = 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
            for (int j = 0; j < conjuncts; j++) {
                if (j > 0) {
                    out.append(pick(List.of(" ", ",", ", ", " , ", "  ")));
                }
                out.append(atom());
            }
        }
        String text = out.toString();
        return random.nextInt(10) == 0 ? mutate(text) : text;
    }

    private String atom() {
        int kind = random.nextInt(16);
        String text = switch (kind) {
            case 0 -> pick(List.of("*", "x", "X", "v*", "*.*", "x.x.*", "V*"));
            case 1 -> numbers(1 + random.nextInt(3)) + pick(List.of(".*", ".x", ".X", ".*.*", ".x.x"));
            case 2 -> plainVersion() + " - " + plainVersion();
            case 3 -> pick(BRANCHES);
            default -> {
                String op = pick(OPERATORS);
                String gap = random.nextInt(6) == 0 ? " " : "";
                yield op + gap + (op.startsWith("~") || op.equals("^") ? rangeVersion() : plainVersion());
            }
        };
        if (random.nextInt(14) == 0) {
            text += pick(FLAGS);
        }
        return text;
    }

    private String rangeVersion() {
        String text = (random.nextInt(8) == 0 ? "v" : "") + numbers();
        return switch (random.nextInt(8)) {
            case 0 -> text + "-" + pick(STABILITIES) + random.nextInt(3);
            case 1 -> text + ".x-dev";
            case 2 -> text + "-dev";
            default -> text;
        };
    }

    private String plainVersion() {
        StringBuilder out = new StringBuilder();
        int prefix = random.nextInt(10);
        out.append(prefix == 0 ? "v" : prefix == 1 ? "V" : "");
        out.append(numbers());
        if (random.nextInt(3) == 0) {
            out.append(pick(List.of("-", "-", ".", "_", "")));
            out.append(pick(STABILITIES));
            int n = random.nextInt(5);
            out.append(n == 0 ? "" : n == 1 ? Integer.toString(random.nextInt(12))
                : n == 2 ? "." + random.nextInt(4) : n == 3 ? "-" + random.nextInt(4) : random.nextInt(3) + "." + random.nextInt(3));
        }
        if (random.nextInt(7) == 0) {
            out.append(pick(List.of("-dev", ".dev", "dev", "-DEV")));
        }
        if (random.nextInt(12) == 0) {
            out.append(pick(List.of("+build", "+20130313144700", "+exp.sha.5114f85", "+")));
        }
        return out.toString();
    }

    private String numbers() {
        return numbers(1 + random.nextInt(4));
    }

    private String numbers(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(number());
        }
        return out.toString();
    }

    private String number() {
        return switch (random.nextInt(12)) {
            case 0 -> "0" + random.nextInt(10);
            case 1 -> Integer.toString(100_000 + random.nextInt(900_000));
            case 2, 3 -> "0";
            default -> Integer.toString(random.nextInt(random.nextBoolean() ? 4 : 30));
        };
    }

    private String date() {
        String year = Integer.toString(2000 + random.nextInt(30));
        String sep = pick(List.of("", "-", ".", ":"));
        StringBuilder out = new StringBuilder(year);
        int parts = 1 + random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            out.append(sep).append(String.format("%02d", random.nextInt(60)));
        }
        if (random.nextInt(3) == 0) {
            out.append(pick(List.of("-beta", "-dev", ".1", "-RC2")));
        }
        return out.toString();
    }

    String mutate(String text) {
        return RandomText.mutate(random, text, MUTATION_ALPHABET);
    }

    <T> T pick(List<T> items) {
        return RandomText.pick(random, items);
    }
}
