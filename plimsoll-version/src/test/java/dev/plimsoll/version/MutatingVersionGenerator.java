package dev.plimsoll.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random versions of one scheme and small mutations of them. Pairs and families are mostly a version and a few
 * small edits of it, because two independent versions nearly always differ in their first character and say
 * little about the rest of the algorithm. A subclass says how to make a candidate version and how to edit one;
 * which results are kept (the valid ones) and how pairs and families are made of them is shared.
 */
public abstract class MutatingVersionGenerator {
    private static final String[] DIGITS = {"0", "1", "2", "9", "10", "00", "01", "007", "0000", "99", "4294967296",
        "18446744073709551616", "9223372036854775808"};

    protected final Random random;
    private final VersionScheme scheme;
    private final PairMix mix;

    /**
     * How {@link #pairs} draws the second version of a pair, in twentieths: a mutation of the first, an
     * independent version, the same text; the rest are mutations of a mutation.
     */
    public record PairMix(int mutated, int independent, int identical) {
        public PairMix {
            if (mutated < 0 || independent < 0 || identical < 0 || mutated + independent + identical > 20) {
                throw new IllegalArgumentException("shares of 20: " + mutated + ", " + independent + ", " + identical);
            }
        }
    }

    protected MutatingVersionGenerator(Random random, VersionScheme scheme, PairMix mix) {
        this.random = random;
        this.scheme = scheme;
        this.mix = mix;
    }

    /** A new valid version, independent of earlier ones: the first candidate the scheme accepts. */
    public String version() {
        while (true) {
            String text = candidate();
            if (isValid(text)) {
                return text;
            }
        }
    }

    /** Version-like text, mostly valid; {@link #version} keeps the candidates the scheme accepts. */
    protected abstract String candidate();

    /** One small edit of {@code text}; the result need not be a valid version. */
    protected abstract String edit(String text);

    /** Whether the scheme accepts {@code text}. */
    public final boolean isValid(String text) {
        try {
            scheme.parse(text);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    /** A valid version close to {@code base}: one or two small edits, retried until the result is valid. */
    public final String mutate(String base) {
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

    /** Pairs of versions in random order: mutations, independent versions, identical texts and twice mutated. */
    public final List<String[]> pairs(int count) {
        List<String[]> pairs = new ArrayList<>(count);
        while (pairs.size() < count) {
            String a = version();
            int kind = random.nextInt(20);
            String b;
            if (kind < mix.mutated()) {
                b = mutate(a);
            } else if (kind < mix.mutated() + mix.independent()) {
                b = version();
            } else if (kind < mix.mutated() + mix.independent() + mix.identical()) {
                b = a;
            } else {
                b = mutate(mutate(a));
            }
            pairs.add(random.nextBoolean() ? new String[] {a, b} : new String[] {b, a});
        }
        return pairs;
    }

    /** A family of versions all close to one base, for the total-order laws. */
    public final List<String> family(int size) {
        List<String> family = new ArrayList<>(size);
        family.add(version());
        while (family.size() < size) {
            family.add(mutate(family.get(random.nextInt(family.size()))));
        }
        return family;
    }

    /** Adds or removes a leading zero of the digit run at or after {@code at}, which must not change the order. */
    protected final String zeroPadding(String s, int at) {
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

    /**
     * A digit run as the OS package schemes see them: mostly a short one, leading zeros and numbers just past 32
     * and 64 bits included; now and then 20 to 60 random digits, far beyond any fixed-size integer.
     */
    protected final String digits() {
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

    protected final String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    protected final char pick(String choices) {
        return choices.charAt(random.nextInt(choices.length()));
    }
}
