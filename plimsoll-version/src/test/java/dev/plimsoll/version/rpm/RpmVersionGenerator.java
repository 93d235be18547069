package dev.plimsoll.version.rpm;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random rpm EVRs aimed at the corners of rpmvercmp: {@code ~} and {@code ^} alone, doubled, mixed and at the
 * end; letters against digits; upper against lower case; leading zeros and all-zero runs; digit runs far beyond 64
 * bits; runs of separators (which only split); missing, zero and zero-padded epochs; missing releases. Pairs are
 * mostly a version and a small mutation of it.
 */
final class RpmVersionGenerator {
    private static final String[] DIGITS = {"0", "1", "2", "9", "10", "00", "01", "007", "0000", "99", "4294967296",
        "18446744073709551616", "9223372036854775808"};
    private static final String[] LETTERS = {"a", "b", "z", "A", "Z", "rc", "beta", "el", "fc", "git", "post",
        "pre", "Zz", "aA", "module", "el8_4"};
    private static final String[] SEPARATORS = {".", "_", "+", "%", "{", "}", "..", "._", "+.", "~", "^", "~~", "^^",
        "~^", "^~", ".~", "~.", "^."};
    private static final String[] TAILS = {"~", "~~", "^", "^^", "0", ".0", "a", "A", "+", ".", "_", "-0", "-1",
        "~rc1", "^git1", "^20230101", "00", "~0", ".a", "Z", "%", "{}", "~^", "^~"};
    private static final String MUTATION_ALPHABET = "0019azAZ._+~^-";
    private static final String[] EPOCHS = {"0", "1", "2", "00", "01", "10", "4294967295", "9"};

    private final Random random;

    RpmVersionGenerator(Random random) {
        this.random = random;
    }

    /** An EVR that rpm and {@link RpmVersion} both accept. */
    String version() {
        while (true) {
            StringBuilder s = new StringBuilder();
            if (random.nextInt(10) < 4) {
                s.append(pick(EPOCHS)).append(':');
            }
            part(s);
            if (random.nextInt(10) < 7) {
                s.append('-');
                part(s);
            }
            String text = s.toString();
            if (isValid(text)) {
                return text;
            }
        }
    }

    private void part(StringBuilder s) {
        // Versions nearly always start with a digit, but rpm does not require it.
        s.append(random.nextInt(15) == 0 ? pick(LETTERS) : digits());
        int pieces = random.nextInt(7);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(3)) {
                case 0 -> s.append(digits());
                case 1 -> s.append(pick(LETTERS));
                default -> s.append(pick(SEPARATORS));
            }
        }
    }

    /** A valid EVR close to {@code base}. */
    String mutate(String base) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String s = base;
            int edits = 1 + random.nextInt(2);
            for (int i = 0; i < edits; i++) {
                s = edit(s);
            }
            if (isValid(s)) {
                return s;
            }
        }
        return base;
    }

    private String edit(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        return switch (random.nextInt(9)) {
            case 0 -> s + pick(TAILS);
            case 1 -> s.isEmpty() ? s : s.substring(0, s.length() - 1);
            case 2 -> s.isEmpty() ? s : s.substring(0, at) + pick(MUTATION_ALPHABET) + s.substring(at + 1);
            case 3 -> s.substring(0, at) + pick(MUTATION_ALPHABET) + s.substring(at);
            case 4 -> zeroPadding(s, at);
            case 5 -> changeEpoch(s);
            case 6 -> s.substring(0, at) + digits() + s.substring(at);
            case 7 -> s.substring(0, at) + pick(SEPARATORS) + s.substring(at);
            default -> dropRelease(s);
        };
    }

    private String zeroPadding(String s, int at) {
        int i = at;
        while (i < s.length() && !Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        if (s.charAt(i) == '0' && random.nextBoolean()) {
            return s.substring(0, i) + s.substring(i + 1);
        }
        return s.substring(0, i) + "0" + s.substring(i);
    }

    private String changeEpoch(String s) {
        int colon = s.indexOf(':');
        String rest = colon >= 0 ? s.substring(colon + 1) : s;
        return switch (random.nextInt(3)) {
            case 0 -> rest;
            case 1 -> "0:" + rest;
            default -> pick(EPOCHS) + ":" + rest;
        };
    }

    private String dropRelease(String s) {
        int hyphen = s.lastIndexOf('-');
        return hyphen > 0 ? s.substring(0, hyphen) : s + "-1";
    }

    List<String[]> pairs(int count) {
        List<String[]> pairs = new ArrayList<>(count);
        while (pairs.size() < count) {
            String a = version();
            int kind = random.nextInt(20);
            String b;
            if (kind < 12) {
                b = mutate(a);
            } else if (kind < 16) {
                b = version();
            } else if (kind < 17) {
                b = a;
            } else {
                b = mutate(mutate(a));
            }
            pairs.add(random.nextBoolean() ? new String[] {a, b} : new String[] {b, a});
        }
        return pairs;
    }

    List<String> family(int size) {
        List<String> family = new ArrayList<>(size);
        family.add(version());
        while (family.size() < size) {
            family.add(mutate(family.get(random.nextInt(family.size()))));
        }
        return family;
    }

    private String digits() {
        if (random.nextInt(12) == 0) {
            StringBuilder run = new StringBuilder("0".repeat(random.nextInt(3)));
            int length = 20 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                run.append((char) ('0' + random.nextInt(10)));
            }
            return run.toString();
        }
        return pick(DIGITS);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private char pick(String choices) {
        return choices.charAt(random.nextInt(choices.length()));
    }

    static boolean isValid(String text) {
        try {
            RpmVersion.parse(text);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }
}
