package dev.plimsoll.version.cargo;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import dev.plimsoll.version.semver.Identifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cargo version requirement ({@code semver::VersionReq}): comparators separated by commas, all of which must
 * hold ("&gt;=1.2, &lt;1.5", "^0.3", "~1.2.3", "1.*", "*"). A bare version is a caret requirement. Spaces may surround
 * operators and commas; {@code *}, {@code x} or {@code X} alone means any version and may not be combined with
 * other comparators; at most 32 comparators.
 *
 * <p>A pre-release version matches only if some comparator names a pre-release of the same major.minor.patch
 * ("&gt;=1.2.3-alpha.1" admits 1.2.3-alpha.2, not 1.2.4-alpha.1; "*" admits none). RustSec writes its
 * {@code patched} and {@code unaffected} lists in this syntax.
 */
public record CargoRequirement(String raw, List<CargoComparator> comparators) implements VersionConstraint {
    /** semver::VersionReq's limit. */
    public static final int MAX_COMPARATORS = 32;
    /** Bounds the work a hostile requirement can cause; real requirements are far shorter. */
    public static final int MAX_LENGTH = 1024;

    public CargoRequirement {
        Objects.requireNonNull(raw);
        comparators = List.copyOf(comparators);
    }

    public static CargoRequirement parse(String text) throws InvalidVersionException {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidVersionException("Cargo requirement longer than " + MAX_LENGTH + " characters");
        }
        return new Reader(text).requirement();
    }

    @Override
    public boolean contains(Version version) {
        if (!(version instanceof CargoVersion candidate)) {
            throw new IllegalArgumentException("a Cargo requirement cannot test a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        return matches(candidate);
    }

    /** {@code VersionReq::matches}. */
    public boolean matches(CargoVersion version) {
        for (CargoComparator comparator : comparators) {
            if (!comparator.bounds(version)) {
                return false;
            }
        }
        if (!version.isPrerelease()) {
            return true;
        }
        for (CargoComparator comparator : comparators) {
            if (comparator.admitsPrereleaseOf(version)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return raw;
    }

    /** A cursor over the requirement with the semver crate's grammar; only ' ' counts as whitespace. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        CargoRequirement requirement() throws InvalidVersionException {
            skipSpaces();
            if (isWildcard(peek())) {
                at++;
                skipSpaces();
                if (at == text.length()) {
                    return new CargoRequirement(text, List.of());
                }
                throw fail(peek() == ',' ? "a wildcard must be the only comparator"
                    : "unexpected '" + peek() + "' after a wildcard");
            }
            List<CargoComparator> all = new ArrayList<>();
            while (true) {
                all.add(comparator());
                if (at == text.length()) {
                    return new CargoRequirement(text, all);
                }
                if (peek() != ',') {
                    throw fail("expected ',' at offset " + at + ", found '" + peek() + "'");
                }
                at++;
                skipSpaces();
                if (all.size() == MAX_COMPARATORS) {
                    throw fail("more than " + MAX_COMPARATORS + " comparators");
                }
            }
        }

        private CargoComparator comparator() throws InvalidVersionException {
            CargoOperator operator = operator();
            boolean defaultOperator = operator == null;
            if (defaultOperator) {
                operator = CargoOperator.CARET;
            }
            skipSpaces();
            BigInteger major = number("major");
            Optional<BigInteger> minor = Optional.empty();
            Optional<BigInteger> patch = Optional.empty();
            boolean wildcard = false;
            if (peek() == '.') {
                at++;
                if (isWildcard(peek())) {
                    at++;
                    wildcard = true;
                    operator = defaultOperator ? CargoOperator.WILDCARD : operator;
                } else {
                    minor = Optional.of(number("minor"));
                }
            }
            if (peek() == '.') {
                at++;
                if (isWildcard(peek())) {
                    at++;
                    operator = defaultOperator ? CargoOperator.WILDCARD : operator;
                } else if (wildcard) {
                    throw fail("unexpected version after a wildcard");
                } else {
                    patch = Optional.of(number("patch"));
                }
            }
            List<Identifier> prerelease = List.of();
            if (patch.isPresent() && peek() == '-') {
                at++;
                prerelease = identifiers("pre-release", true).stream().map(Identifier::of).toList();
            }
            if (patch.isPresent() && peek() == '+') {
                at++;
                identifiers("build", false);
            }
            skipSpaces();
            return new CargoComparator(operator, major, minor, patch, prerelease);
        }

        private CargoOperator operator() {
            char c = peek();
            char next = at + 1 < text.length() ? text.charAt(at + 1) : '\0';
            CargoOperator operator = switch (c) {
                case '=' -> CargoOperator.EXACT;
                case '>' -> next == '=' ? CargoOperator.GREATER_EQ : CargoOperator.GREATER;
                case '<' -> next == '=' ? CargoOperator.LESS_EQ : CargoOperator.LESS;
                case '~' -> CargoOperator.TILDE;
                case '^' -> CargoOperator.CARET;
                default -> null;
            };
            if (operator != null) {
                at += operator.symbol().length();
            }
            return operator;
        }

        private BigInteger number(String part) throws InvalidVersionException {
            int start = at;
            while (isDigit(peek())) {
                at++;
            }
            if (at == start) {
                throw fail(at < text.length() ? "unexpected '" + peek() + "' where the " + part + " version belongs"
                    : "ends where the " + part + " version belongs");
            }
            if (at - start > 1 && text.charAt(start) == '0') {
                throw fail(part + " version \"" + text.substring(start, at) + "\" has a leading zero");
            }
            BigInteger value = new BigInteger(text.substring(start, at));
            if (!CargoVersion.fitsU64(value)) {
                throw fail(part + " version " + value + " does not fit in 64 bits");
            }
            return value;
        }

        private List<String> identifiers(String what, boolean noLeadingZeros) throws InvalidVersionException {
            List<String> result = new ArrayList<>();
            while (true) {
                int start = at;
                while (isIdentifierChar(peek())) {
                    at++;
                }
                String identifier = text.substring(start, at);
                if (identifier.isEmpty()) {
                    throw fail("empty " + what + " identifier at offset " + start);
                }
                if (noLeadingZeros && identifier.length() > 1 && identifier.charAt(0) == '0'
                        && identifier.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw fail("numeric " + what + " identifier \"" + identifier + "\" has a leading zero");
                }
                result.add(identifier);
                if (peek() != '.') {
                    return result;
                }
                at++;
            }
        }

        private void skipSpaces() {
            while (peek() == ' ') {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private InvalidVersionException fail(String why) {
            return new InvalidVersionException("malformed Cargo requirement \"" + text + "\": " + why);
        }

        private static boolean isWildcard(char c) {
            return c == '*' || c == 'x' || c == 'X';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isIdentifierChar(char c) {
            return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
        }
    }
}
