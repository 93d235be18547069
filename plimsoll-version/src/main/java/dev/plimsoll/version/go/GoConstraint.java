package dev.plimsoll.version.go;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go has no constraint grammar of its own (go.mod names exact versions; advisories use OSV events), so this is
 * the plain comparator form: {@code >=v1.2.0, <v1.4.1}, operators {@code < <= > >= = == !=}, conjuncts joined by
 * commas, alternatives by {@code ||}; versions in any form {@link GoVersion} reads ("v1.2.3", "1.2.3",
 * "go1.21.3"). A version on its own means exactly that version.
 */
public final class GoConstraint implements VersionConstraint {
    private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|==|!=|<|>|=)?\\s*(\\S+(?: X:\\S+)?)");

    private final String raw;
    private final List<List<Comparator>> anyOf;

    private GoConstraint(String raw, List<List<Comparator>> anyOf) {
        this.raw = raw;
        this.anyOf = anyOf;
    }

    /** One comparison against a bound. */
    private record Comparator(String operator, GoVersion bound) {
        boolean holds(GoVersion version) {
            int c = version.compareTo(bound);
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "!=" -> c != 0;
                default -> c == 0;
            };
        }
    }

    public static GoConstraint parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > 4 * GoVersion.MAX_LENGTH) {
            throw new InvalidVersionException("Go constraint longer than " + 4 * GoVersion.MAX_LENGTH
                + " characters: \"" + expression.substring(0, 40) + "...\"");
        }
        List<List<Comparator>> alternatives = new ArrayList<>();
        for (String alternative : expression.split("\\|\\|", -1)) {
            List<Comparator> all = new ArrayList<>();
            for (String part : alternative.split(",", -1)) {
                Matcher m = COMPARATOR.matcher(part.strip());
                if (!m.matches()) {
                    throw new InvalidVersionException("malformed Go constraint \"" + expression + "\": \""
                        + part.strip() + "\" is not a comparison");
                }
                all.add(new Comparator(m.group(1) == null ? "=" : m.group(1), GoVersion.parse(m.group(2))));
            }
            alternatives.add(List.copyOf(all));
        }
        return new GoConstraint(expression, List.copyOf(alternatives));
    }

    @Override
    public boolean contains(Version version) {
        if (!(version instanceof GoVersion go)) {
            throw new IllegalArgumentException("a Go constraint cannot hold a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        return anyOf.stream().anyMatch(all -> all.stream().allMatch(c -> c.holds(go)));
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return raw;
    }
}
