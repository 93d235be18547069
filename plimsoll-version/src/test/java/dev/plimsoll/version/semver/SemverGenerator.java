package dev.plimsoll.version.semver;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Valid strict SemVer versions for property tests, with the edits that matter to precedence: numeric against
 * alphanumeric identifiers, numbers of different lengths (9 against 10, values past 2^64), prefixes of longer
 * pre-release lists, case, hyphens, build metadata.
 */
public final class SemverGenerator {
    private static final List<String> NUMBERS = List.of("0", "1", "2", "9", "10", "11", "99", "100",
        "9007199254740993", "18446744073709551616");
    private static final List<String> IDENTIFIERS = List.of("0", "1", "2", "9", "10", "11", "alpha", "beta", "rc",
        "a", "A", "Z", "z", "-", "--", "a-b", "0a", "1a", "9a", "alpha1", "alpha10", "x", "99999999999999999999");
    private static final List<String> BUILDS = List.of("build", "001", "sha.5114f85", "x-y");

    private final Random random;

    public SemverGenerator(Random random) {
        this.random = random;
    }

    public String version() {
        StringBuilder out = new StringBuilder(pick(NUMBERS)).append('.').append(pick(NUMBERS)).append('.')
            .append(pick(NUMBERS));
        if (random.nextInt(3) > 0) {
            out.append('-').append(prerelease());
        }
        if (random.nextInt(5) == 0) {
            out.append('+').append(pick(BUILDS));
        }
        return out.toString();
    }

    /** A version one edit away: a bumped or dropped part, an added or removed identifier, another build. */
    public String near(String base) {
        String core = base.contains("+") ? base.substring(0, base.indexOf('+')) : base;
        String release = core.contains("-") ? core.substring(0, core.indexOf('-')) : core;
        String pre = core.contains("-") ? core.substring(core.indexOf('-') + 1) : null;
        String[] numbers = release.split("\\.");
        return switch (random.nextInt(8)) {
            case 0 -> release;
            case 1 -> core + (pre == null ? "-" : ".") + pick(IDENTIFIERS);
            case 2 -> pre == null || !pre.contains(".") ? release + "-" + prerelease()
                : release + "-" + pre.substring(0, pre.lastIndexOf('.'));
            case 3 -> core + "+" + pick(BUILDS);
            case 4 -> numbers[0] + "." + numbers[1] + "." + new BigInteger(numbers[2]).add(BigInteger.ONE)
                + (pre == null ? "" : "-" + pre);
            case 5 -> release + "-" + (pre == null ? pick(IDENTIFIERS) : pre.replaceFirst("[^.]+$",
                pick(IDENTIFIERS)));
            case 6 -> numbers[0] + "." + pick(NUMBERS) + ".0" + (pre == null ? "" : "-" + pre);
            default -> version();
        };
    }

    private String prerelease() {
        int count = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ".").append(pick(IDENTIFIERS));
        }
        return out.toString();
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
