package dev.plimsoll.version.dpkg;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random Debian versions aimed at the corners of dpkg's order: epochs, {@code ~} runs, letters against
 * non-letters, leading zeros, empty and all-zero digit runs, digit runs far beyond 64 bits, and every separator.
 * Pairs are mostly a version and a small mutation of it, because two independent versions nearly always differ in
 * their first character and say little about the rest of the algorithm.
 */
final class DpkgVersionGenerator {
    private static final String[] DIGITS = {"0", "1", "2", "9", "10", "00", "01", "007", "0000", "99", "4294967296",
        "18446744073709551616", "9223372036854775808"};
    private static final String[] LETTERS = {"a", "b", "z", "A", "Z", "rc", "beta", "dfsg", "git", "ubuntu", "deb",
        "esr", "g", "Zz", "aA"};
    private static final String[] UPSTREAM_SEPARATORS = {".", "+", "~", "~~", "..", "+~", "~.", ".~", "+."};
    private static final String[] REVISION_SEPARATORS = {".", "+", "~", "~~", "+~"};
    private static final String[] TAILS = {"~", "~~", "0", ".0", "a", "+", ".", "-0", "-1", "~rc1", "+b1", "00",
        "~0", ".a", "Z", "-0.1", "+deb11u1", "~deb11u1"};
    private static final String MUTATION_ALPHABET = "0019azAZ.+~-";
    private static final String[] EPOCHS = {"0", "1", "2", "00", "01", "10", "2147483647", "9"};

    private final Random random;

    DpkgVersionGenerator(Random random) {
        this.random = random;
    }

    /** A version that dpkg and {@link DpkgVersion} both accept. */
    String version() {
        while (true) {
            String text = candidate();
            if (isValid(text)) {
                return text;
            }
        }
    }

    private String candidate() {
        StringBuilder s = new StringBuilder();
        boolean epoch = random.nextInt(10) < 3;
        if (epoch) {
            s.append(pick(EPOCHS)).append(':');
        }
        boolean revision = random.nextInt(10) < 6;
        // Debian policy wants a leading digit; dpkg only warns, so a few versions start otherwise.
        s.append(random.nextInt(20) == 0 ? pick(LETTERS) : digits());
        int pieces = random.nextInt(7);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(epoch && revision ? 5 : epoch || revision ? 4 : 3)) {
                case 0 -> s.append(digits());
                case 1 -> s.append(pick(LETTERS));
                case 2 -> s.append(pick(UPSTREAM_SEPARATORS));
                // A colon is only upstream text when an epoch came first; a hyphen only when a revision follows.
                case 3 -> s.append(epoch ? ":" : "-");
                default -> s.append(random.nextBoolean() ? ":" : "-");
            }
        }
        if (revision) {
            s.append('-');
            int revisionPieces = 1 + random.nextInt(4);
            for (int i = 0; i < revisionPieces; i++) {
                switch (random.nextInt(3)) {
                    case 0 -> s.append(digits());
                    case 1 -> s.append(pick(LETTERS));
                    default -> s.append(pick(REVISION_SEPARATORS));
                }
            }
        }
        return s.toString();
    }

    /** A valid version close to {@code base}: one or two small edits, retried until the result is valid. */
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
        return switch (random.nextInt(8)) {
            case 0 -> s + pick(TAILS);
            case 1 -> s.isEmpty() ? s : s.substring(0, s.length() - 1);
            case 2 -> s.isEmpty() ? s : s.substring(0, at) + pick(MUTATION_ALPHABET) + s.substring(at + 1);
            case 3 -> s.substring(0, at) + pick(MUTATION_ALPHABET) + s.substring(at);
            case 4 -> zeroPadding(s, at);
            case 5 -> changeEpoch(s);
            case 6 -> s.substring(0, at) + digits() + s.substring(at);
            default -> s.substring(0, at) + "~" + s.substring(at);
        };
    }

    /** Adds or removes a leading zero of a digit run, which must not change the order. */
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
        String rest = colon >= 0 && s.substring(0, colon).chars().allMatch(Character::isDigit)
            ? s.substring(colon + 1) : s;
        return switch (random.nextInt(3)) {
            case 0 -> rest.contains(":") ? s : rest;
            case 1 -> "0:" + rest;
            default -> pick(EPOCHS) + ":" + rest;
        };
    }

    /** Pairs of valid versions: mutations, independent versions, identical texts and zero-padded twins. */
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

    /** A family of valid versions all close to one base, for the total-order laws. */
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
            StringBuilder run = new StringBuilder();
            int zeros = random.nextInt(3);
            run.append("0".repeat(zeros));
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
            DpkgVersion.parse(text);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }
}
