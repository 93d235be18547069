package dev.plimsoll.version.rpm;

import dev.plimsoll.version.MutatingVersionGenerator;
import java.util.Random;

/**
 * Random rpm EVRs aimed at the corners of rpmvercmp: {@code ~} and {@code ^} alone, doubled, mixed and at the
 * end; letters against digits; upper against lower case; leading zeros and all-zero runs; digit runs far beyond 64
 * bits; runs of separators (which only split); missing, zero and zero-padded epochs; missing releases.
 */
final class RpmVersionGenerator extends MutatingVersionGenerator {
    private static final String[] LETTERS = {"a", "b", "z", "A", "Z", "rc", "beta", "el", "fc", "git", "post",
        "pre", "Zz", "aA", "module", "el8_4"};
    private static final String[] SEPARATORS = {".", "_", "+", "%", "{", "}", "..", "._", "+.", "~", "^", "~~", "^^",
        "~^", "^~", ".~", "~.", "^."};
    private static final String[] TAILS = {"~", "~~", "^", "^^", "0", ".0", "a", "A", "+", ".", "_", "-0", "-1",
        "~rc1", "^git1", "^20230101", "00", "~0", ".a", "Z", "%", "{}", "~^", "^~"};
    private static final String MUTATION_ALPHABET = "0019azAZ._+~^-";
    private static final String[] EPOCHS = {"0", "1", "2", "00", "01", "10", "4294967295", "9"};

    RpmVersionGenerator(Random random) {
        super(random, RpmScheme.INSTANCE, new PairMix(12, 4, 1));
    }

    /** Epoch, version and release pieces; {@link #version} keeps those rpm and {@link RpmVersion} accept. */
    @Override
    protected String candidate() {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(10) < 4) {
            s.append(pick(EPOCHS)).append(':');
        }
        part(s);
        if (random.nextInt(10) < 7) {
            s.append('-');
            part(s);
        }
        return s.toString();
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

    @Override
    protected String edit(String s) {
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
}
