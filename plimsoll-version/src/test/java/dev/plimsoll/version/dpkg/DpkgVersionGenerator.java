package dev.plimsoll.version.dpkg;

import dev.plimsoll.version.MutatingVersionGenerator;
import java.util.Random;

/**
 * Random Debian versions aimed at the corners of dpkg's order: epochs, {@code ~} runs, letters against
 * non-letters, leading zeros, empty and all-zero digit runs, digit runs far beyond 64 bits, and every separator.
 */
final class DpkgVersionGenerator extends MutatingVersionGenerator {
    private static final String[] LETTERS = {"a", "b", "z", "A", "Z", "rc", "beta", "dfsg", "git", "ubuntu", "deb",
        "esr", "g", "Zz", "aA"};
    private static final String[] UPSTREAM_SEPARATORS = {".", "+", "~", "~~", "..", "+~", "~.", ".~", "+."};
    private static final String[] REVISION_SEPARATORS = {".", "+", "~", "~~", "+~"};
    private static final String[] TAILS = {"~", "~~", "0", ".0", "a", "+", ".", "-0", "-1", "~rc1", "+b1", "00",
        "~0", ".a", "Z", "-0.1", "+deb11u1", "~deb11u1"};
    private static final String MUTATION_ALPHABET = "0019azAZ.+~-";
    private static final String[] EPOCHS = {"0", "1", "2", "00", "01", "10", "2147483647", "9"};

    DpkgVersionGenerator(Random random) {
        super(random, DpkgScheme.INSTANCE, new PairMix(12, 4, 1));
    }

    /** Epoch, upstream and revision pieces; {@link #version} keeps those dpkg and {@link DpkgVersion} accept. */
    @Override
    protected String candidate() {
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

    @Override
    protected String edit(String s) {
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
}
