package dev.plimsoll.version.semver;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plain comparator form for strict SemVer, which has no range grammar of its own: alternatives separated by
 * {@code ||}, each a list of comparators separated by commas or whitespace that must all hold
 * ({@code ">=1.2.0, <2.0.0 || =3.0.0-rc.1"}). Operators are {@code = == != < <= > >=}; none means {@code =}.
 *
 * <p>A partial version is padded with zeros ({@code <2} is {@code <2.0.0}, {@code =1.2} is {@code =1.2.0}); it is not
 * a wildcard. Pre-releases are compared like any version, never excluded: OSV ranges mean "&lt;2.0.0" to cover
 * "2.0.0-rc.1".
 */
public record SemverConstraint(String raw, List<List<Comparator>> anyOf) implements VersionConstraint {
    /** Bounds the work a hostile expression can cause; real constraints are far shorter. */
    public static final int MAX_LENGTH = 4096;

    public SemverConstraint {
        Objects.requireNonNull(raw);
        anyOf = anyOf.stream().map(List::copyOf).toList();
    }

    public enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(int order) {
            return switch (this) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        }
    }

    public record Comparator(Operator operator, SemverVersion version) {
        public Comparator {
            Objects.requireNonNull(operator);
            Objects.requireNonNull(version);
        }

        public boolean test(SemverVersion candidate) {
            return operator.test(candidate.precedence(version));
        }

        @Override
        public String toString() {
            return operator.symbol() + version;
        }
    }

    public static SemverConstraint parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidVersionException("semver constraint longer than " + MAX_LENGTH + " characters");
        }
        List<List<Comparator>> alternatives = new ArrayList<>();
        for (String alternative : expression.split("\\|\\|", -1)) {
            List<Comparator> all = comparators(alternative, expression);
            if (all.isEmpty()) {
                throw new InvalidVersionException("semver constraint \"" + expression + "\" has an empty alternative");
            }
            alternatives.add(all);
        }
        return new SemverConstraint(expression, alternatives);
    }

    /** Splits one alternative into operator-version pairs; whitespace may follow an operator. */
    private static List<Comparator> comparators(String alternative, String expression)
            throws InvalidVersionException {
        List<Comparator> all = new ArrayList<>();
        int at = 0;
        int end = alternative.length();
        while (true) {
            while (at < end && isSeparator(alternative.charAt(at))) {
                at++;
            }
            if (at == end) {
                return all;
            }
            int start = at;
            while (at < end && "<>=!".indexOf(alternative.charAt(at)) >= 0) {
                at++;
            }
            String symbol = alternative.substring(start, at);
            while (at < end && Character.isWhitespace(alternative.charAt(at))) {
                at++;
            }
            int versionStart = at;
            while (at < end && !isSeparator(alternative.charAt(at))) {
                at++;
            }
            all.add(comparator(symbol, alternative.substring(versionStart, at), expression));
        }
    }

    private static boolean isSeparator(char c) {
        return c == ',' || Character.isWhitespace(c);
    }

    private static Comparator comparator(String symbol, String text, String expression)
            throws InvalidVersionException {
        Operator operator = switch (symbol) {
            case "", "=", "==" -> Operator.EQ;
            case "!=" -> Operator.NE;
            case "<" -> Operator.LT;
            case "<=" -> Operator.LE;
            case ">" -> Operator.GT;
            case ">=" -> Operator.GE;
            default -> throw new InvalidVersionException("semver constraint \"" + expression
                + "\": unknown operator \"" + symbol + "\"");
        };
        if (text.isEmpty()) {
            throw new InvalidVersionException("semver constraint \"" + expression + "\": operator \"" + symbol
                + "\" names no version");
        }
        try {
            return new Comparator(operator, SemverVersion.parse(padded(text)));
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException("semver constraint \"" + expression + "\": " + e.getMessage());
        }
    }

    /** "1" and "1.2" become "1.0.0" and "1.2.0"; anything else is left for the version parser to judge. */
    private static String padded(String text) {
        String core = text.startsWith("v") ? text.substring(1) : text;
        if (!core.isEmpty() && core.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            long dots = core.chars().filter(c -> c == '.').count();
            if (dots == 0) {
                return text + ".0.0";
            }
            if (dots == 1) {
                return text + ".0";
            }
        }
        return text;
    }

    /** Whether some alternative has every comparator hold; pre-releases are compared, never excluded. */
    @Override
    public boolean contains(Version version) {
        if (!(version instanceof SemverVersion candidate)) {
            throw new IllegalArgumentException("a semver constraint cannot test a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        for (List<Comparator> all : anyOf) {
            if (all.stream().allMatch(c -> c.test(candidate))) {
                return true;
            }
        }
        return false;
    }
}
