package dev.plimsoll.version.semver;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A version in strict SemVer 2.0.0 grammar ({@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, no leading zeros in
 * numeric parts, no empty identifiers), ordered by SemVer precedence: numbers by value (no size limit), a
 * pre-release below its release, build metadata ignored. {@link #equals} holds exactly when {@link #compareTo} is 0,
 * so "1.0.0+a" equals "1.0.0+b".
 *
 * <p>{@link #parse} also accepts one leading {@code v} ("v1.2.3"): OSV SEMVER ranges are meant to omit it, but
 * some feeds keep the tag name. Nothing else is tolerated: no whitespace, no {@code =}, no partial versions, so a
 * malformed feed value is reported rather than guessed at. Versions longer than {@value #MAX_LENGTH} characters are
 * refused, the bound node-semver uses, which no real version approaches.
 */
public final class SemverVersion implements Version {
    public static final int MAX_LENGTH = 256;

    private final String raw;
    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<Identifier> prerelease;
    private final List<String> build;

    private SemverVersion(String raw, BigInteger major, BigInteger minor, BigInteger patch,
            List<Identifier> prerelease, List<String> build) {
        this.raw = raw;
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = List.copyOf(prerelease);
        this.build = List.copyOf(build);
    }

    /** Parses a strict SemVer 2.0.0 version, optionally written with a leading {@code v}. */
    public static SemverVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        return new Reader(raw, raw.startsWith("v") ? 1 : 0).version();
    }

    /** Parses a strict SemVer 2.0.0 version with no prefix at all, as Cargo's semver crate does. */
    public static SemverVersion parseUnprefixed(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        return new Reader(raw, 0).version();
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return SemverScheme.INSTANCE;
    }

    public BigInteger major() {
        return major;
    }

    public BigInteger minor() {
        return minor;
    }

    public BigInteger patch() {
        return patch;
    }

    public List<Identifier> prerelease() {
        return prerelease;
    }

    /** Build metadata identifiers; kept for display, never used in the order. */
    public List<String> build() {
        return build;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** SemVer precedence against another strict SemVer version. */
    @Override
    public int compareTo(Version other) {
        if (!(other instanceof SemverVersion that)) {
            throw new IllegalArgumentException("cannot order a semver version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        return precedence(that);
    }

    /** SemVer precedence; the order of every scheme in this family that wraps a strict version (Cargo). */
    public int precedence(SemverVersion that) {
        int order = major.compareTo(that.major);
        if (order == 0) {
            order = minor.compareTo(that.minor);
        }
        if (order == 0) {
            order = patch.compareTo(that.patch);
        }
        if (order == 0) {
            order = Identifier.comparePrerelease(prerelease, that.prerelease);
        }
        return Integer.signum(order);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemverVersion that && precedence(that) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease);
    }

    /** The canonical text without build metadata ("v1.2.3+x" gives "1.2.3"). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        for (int i = 0; i < prerelease.size(); i++) {
            out.append(i == 0 ? '-' : '.').append(prerelease.get(i));
        }
        return out.toString();
    }

    /** A cursor over the text; each method consumes one part of the grammar or explains what is wrong. */
    private static final class Reader {
        private final String raw;
        private int at;

        Reader(String raw, int start) {
            this.raw = raw;
            this.at = start;
        }

        SemverVersion version() throws InvalidVersionException {
            if (raw.length() > MAX_LENGTH) {
                throw new InvalidVersionException("semver version longer than " + MAX_LENGTH + " characters: \""
                    + raw.substring(0, 40) + "...\"");
            }
            BigInteger major = number("major");
            expect('.', "major");
            BigInteger minor = number("minor");
            expect('.', "minor");
            BigInteger patch = number("patch");
            List<Identifier> prerelease = new ArrayList<>();
            if (peek() == '-') {
                at++;
                for (String text : identifiers("pre-release")) {
                    if (text.length() > 1 && text.charAt(0) == '0' && isAllDigits(text)) {
                        throw fail("numeric pre-release identifier \"" + text + "\" has a leading zero");
                    }
                    prerelease.add(Identifier.of(text));
                }
            }
            List<String> build = List.of();
            if (peek() == '+') {
                at++;
                build = identifiers("build");
            }
            if (at < raw.length()) {
                throw fail("unexpected '" + raw.charAt(at) + "' at offset " + at);
            }
            return new SemverVersion(raw, major, minor, patch, prerelease, build);
        }

        private BigInteger number(String part) throws InvalidVersionException {
            int start = at;
            while (at < raw.length() && isDigit(raw.charAt(at))) {
                at++;
            }
            if (at == start) {
                throw fail(at < raw.length() ? part + " version expected at offset " + start + ", found '"
                    + raw.charAt(at) + "'" : part + " version missing");
            }
            if (at - start > 1 && raw.charAt(start) == '0') {
                throw fail(part + " version \"" + raw.substring(start, at) + "\" has a leading zero");
            }
            return new BigInteger(raw.substring(start, at));
        }

        private void expect(char c, String after) throws InvalidVersionException {
            if (peek() != c) {
                throw fail(at < raw.length() ? "expected '" + c + "' after the " + after + " version, found '"
                    + raw.charAt(at) + "'" : "ends after the " + after + " version");
            }
            at++;
        }

        /** Dot-separated, non-empty runs of ASCII letters, digits and hyphens, up to a '+' or the end. */
        private List<String> identifiers(String what) throws InvalidVersionException {
            List<String> result = new ArrayList<>();
            while (true) {
                int start = at;
                while (at < raw.length() && isIdentifierChar(raw.charAt(at))) {
                    at++;
                }
                if (at == start) {
                    throw fail("empty " + what + " identifier at offset " + start);
                }
                result.add(raw.substring(start, at));
                if (peek() != '.') {
                    return result;
                }
                at++;
            }
        }

        private char peek() {
            return at < raw.length() ? raw.charAt(at) : '\0';
        }

        private InvalidVersionException fail(String why) {
            return new InvalidVersionException("malformed semver version \"" + raw + "\": " + why);
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierChar(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private static boolean isAllDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
