package dev.plimsoll.match.support;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import dev.plimsoll.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small test-only scheme, so that range evaluation is tested apart from any real ecosystem's: an optional
 * numeric "N:" epoch, then runs of digits (compared as numbers) and of other characters (compared as text), a
 * version that is a prefix of another sorting first. "1.10" &gt; "1.9", "1.1.1n-0+deb11u4" &gt; "…u3". Versions
 * with spaces, "!" or nothing in them do not parse. Constraints are "," (and) and "||" (or) of comparators
 * {@code < <= > >= = !=}.
 */
public final class NaturalScheme implements VersionScheme {
    private static final Pattern FORM = Pattern.compile("(?:(\\d+):)?([A-Za-z0-9][A-Za-z0-9.+~_-]*)");
    private static final Pattern COMPARATOR = Pattern.compile("\\s*(<=|>=|!=|<|>|=)?\\s*(\\S+)\\s*");
    private final String id;

    public NaturalScheme(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Version parse(String raw) throws InvalidVersionException {
        Matcher m = FORM.matcher(raw);
        if (!m.matches()) {
            throw new InvalidVersionException("\"" + raw + "\" is not a natural version");
        }
        long epoch = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        List<Object> runs = new ArrayList<>();
        Matcher r = Pattern.compile("\\d+|\\D+").matcher(m.group(2));
        while (r.find()) {
            String run = r.group();
            runs.add(Character.isDigit(run.charAt(0)) ? (Object) new java.math.BigInteger(run) : run);
        }
        return new Natural(raw, epoch, runs, this);
    }

    @Override
    public VersionConstraint constraint(String expression) throws InvalidVersionException {
        List<List<Comparator>> anyOf = new ArrayList<>();
        for (String alternative : expression.split("\\|\\|")) {
            List<Comparator> all = new ArrayList<>();
            for (String part : alternative.split(",")) {
                Matcher m = COMPARATOR.matcher(part);
                if (!m.matches()) {
                    throw new InvalidVersionException("bad comparator \"" + part + "\" in \"" + expression + "\"");
                }
                all.add(new Comparator(m.group(1) == null ? "=" : m.group(1), parse(m.group(2))));
            }
            anyOf.add(all);
        }
        return new VersionConstraint() {
            @Override
            public boolean contains(Version v) {
                return anyOf.stream().anyMatch(all -> all.stream().allMatch(c -> c.test(v)));
            }

            @Override
            public String raw() {
                return expression;
            }
        };
    }

    private record Comparator(String op, Version bound) {
        boolean test(Version v) {
            int c = v.compareTo(bound);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "!=" -> c != 0;
                default -> c == 0;
            };
        }
    }

    private record Natural(String raw, long epoch, List<Object> runs, NaturalScheme scheme) implements Version {
        @Override
        public int compareTo(Version o) {
            if (!(o instanceof Natural other) || other.scheme != scheme) {
                throw new IllegalArgumentException("cannot compare " + raw + " with " + o.raw());
            }
            int c = Long.compare(epoch, other.epoch);
            for (int i = 0; c == 0 && i < Math.min(runs.size(), other.runs.size()); i++) {
                Object a = runs.get(i);
                Object b = other.runs.get(i);
                if (a instanceof java.math.BigInteger x && b instanceof java.math.BigInteger y) {
                    c = x.compareTo(y);
                } else if (a instanceof String x && b instanceof String y) {
                    c = x.compareTo(y);
                } else {
                    c = a instanceof java.math.BigInteger ? -1 : 1;
                }
            }
            return c != 0 ? c : Integer.compare(runs.size(), other.runs.size());
        }

        @Override
        public String toString() {
            return raw;
        }
    }
}
