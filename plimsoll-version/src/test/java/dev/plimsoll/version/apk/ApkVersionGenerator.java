package dev.plimsoll.version.apk;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random apk versions covering the whole grammar: numbers with and without leading zeros (which switch dotted
 * numbers to text comparison), numbers beyond 64 bits, the letter, every suffix with and without a number and
 * several in a row, commit hashes and revisions. Pairs are mostly a version and a small mutation of it.
 */
final class ApkVersionGenerator {
    private static final String[] NUMBERS = {"0", "1", "2", "9", "10", "00", "01", "010", "001", "99", "100",
        "20230101", "18446744073709551615"};
    private static final String[] SUFFIXES = {"alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"};
    private static final String[] TAILS = {".0", ".1", ".00", ".01", "a", "z", "_alpha", "_rc1", "_p", "_p1",
        "_pre2", "_git20240101", "~0", "~a1b2", "~ff", "-r0", "-r1", "-r00", "-r10"};
    private static final String[] HASHES = {"0", "a", "f", "1234", "2345", "abcdef", "00ff", "deadbeef",
        "1234abcd"};

    private final Random random;

    ApkVersionGenerator(Random random) {
        this.random = random;
    }

    String version() {
        StringBuilder s = new StringBuilder(number());
        int dotted = random.nextInt(4);
        for (int i = 0; i < dotted; i++) {
            s.append('.').append(number());
        }
        if (random.nextInt(5) == 0) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        int suffixes = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < suffixes; i++) {
            s.append('_').append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
            if (random.nextBoolean()) {
                s.append(number());
            }
        }
        if (random.nextInt(8) == 0) {
            s.append('~').append(HASHES[random.nextInt(HASHES.length)]);
        }
        if (random.nextInt(10) < 7) {
            s.append("-r").append(random.nextInt(6) == 0 ? number() : String.valueOf(random.nextInt(12)));
        }
        return s.toString();
    }

    /** A valid version close to {@code base}: tails appended or cut, parts dropped, numbers re-padded. */
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
        if (s.isEmpty()) {
            // Removing the zero of "0" leaves nothing; start again from a digit.
            return number();
        }
        int at = random.nextInt(s.length() + 1);
        return switch (random.nextInt(6)) {
            case 0 -> s + TAILS[random.nextInt(TAILS.length)];
            case 1 -> s.substring(0, Math.max(1, at));
            case 2 -> s.substring(0, at) + TAILS[random.nextInt(TAILS.length)] + s.substring(at);
            case 3 -> zeroPadding(s, Math.min(at, s.length() - 1));
            case 4 -> s.replaceFirst("-r\\d+$", "") + "-r" + random.nextInt(3);
            default -> s.replaceFirst("_(alpha|beta|pre|rc|cvs|svn|git|hg|p)",
                "_" + SUFFIXES[random.nextInt(SUFFIXES.length)]);
        };
    }

    private String zeroPadding(String s, int at) {
        int i = Math.max(at, 0);
        while (i < s.length() && !Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
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

    List<String[]> pairs(int count) {
        List<String[]> pairs = new ArrayList<>(count);
        while (pairs.size() < count) {
            String a = version();
            int kind = random.nextInt(20);
            String b = kind < 13 ? mutate(a) : kind < 17 ? version() : kind < 18 ? a : mutate(mutate(a));
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

    private String number() {
        return NUMBERS[random.nextInt(NUMBERS.length)];
    }

    static boolean isValid(String text) {
        try {
            ApkVersion.parse(text);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }
}
