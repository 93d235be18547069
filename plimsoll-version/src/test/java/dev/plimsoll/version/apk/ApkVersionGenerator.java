package dev.plimsoll.version.apk;

import dev.plimsoll.version.MutatingVersionGenerator;
import java.util.Random;

/**
 * Random apk versions covering the whole grammar: numbers with and without leading zeros (which switch dotted
 * numbers to text comparison), numbers beyond 64 bits, the letter, every suffix with and without a number and
 * several in a row, commit hashes and revisions.
 */
final class ApkVersionGenerator extends MutatingVersionGenerator {
    private static final String[] NUMBERS = {"0", "1", "2", "9", "10", "00", "01", "010", "001", "99", "100",
        "20230101", "18446744073709551615"};
    private static final String[] SUFFIXES = {"alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"};
    private static final String[] TAILS = {".0", ".1", ".00", ".01", "a", "z", "_alpha", "_rc1", "_p", "_p1",
        "_pre2", "_git20240101", "~0", "~a1b2", "~ff", "-r0", "-r1", "-r00", "-r10"};
    private static final String[] HASHES = {"0", "a", "f", "1234", "2345", "abcdef", "00ff", "deadbeef",
        "1234abcd"};

    ApkVersionGenerator(Random random) {
        super(random, ApkScheme.INSTANCE, new PairMix(13, 4, 1));
    }

    /** Built from valid parts only, so unlike the mutations it is never filtered: a rejection is a bug. */
    @Override
    public String version() {
        return candidate();
    }

    @Override
    protected String candidate() {
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
            s.append('_').append(pick(SUFFIXES));
            if (random.nextBoolean()) {
                s.append(number());
            }
        }
        if (random.nextInt(8) == 0) {
            s.append('~').append(pick(HASHES));
        }
        if (random.nextInt(10) < 7) {
            s.append("-r").append(random.nextInt(6) == 0 ? number() : String.valueOf(random.nextInt(12)));
        }
        return s.toString();
    }

    /** Tails appended or cut, parts dropped, suffixes and revisions swapped, numbers re-padded. */
    @Override
    protected String edit(String s) {
        if (s.isEmpty()) {
            // Removing the zero of "0" leaves nothing; start again from a digit.
            return number();
        }
        int at = random.nextInt(s.length() + 1);
        return switch (random.nextInt(6)) {
            case 0 -> s + pick(TAILS);
            case 1 -> s.substring(0, Math.max(1, at));
            case 2 -> s.substring(0, at) + pick(TAILS) + s.substring(at);
            case 3 -> zeroPadding(s, Math.min(at, s.length() - 1));
            case 4 -> s.replaceFirst("-r\\d+$", "") + "-r" + random.nextInt(3);
            default -> s.replaceFirst("_(alpha|beta|pre|rc|cvs|svn|git|hg|p)", "_" + pick(SUFFIXES));
        };
    }

    private String number() {
        return pick(NUMBERS);
    }
}
