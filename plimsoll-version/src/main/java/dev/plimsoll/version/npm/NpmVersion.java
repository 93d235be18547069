package dev.plimsoll.version.npm;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import dev.plimsoll.version.semver.Identifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * A version as node-semver reads it, ordered by SemVer precedence (build metadata ignored). {@link #parse} uses
 * node-semver's loose mode, as npm does for the versions of installed packages: surrounding whitespace, any run of
 * {@code v}, {@code =} and whitespace before the number ("=v1.2.3"), leading zeros ("01.2.3" is 1.2.3) and a
 * pre-release without its hyphen ("1.2.3beta") are accepted. {@link #parseStrict} is node's default mode.
 *
 * <p>Like node-semver, versions over {@value #MAX_LENGTH} characters and major, minor or patch numbers above
 * 2^53-1 are refused. One deliberate difference: numeric pre-release identifiers are compared exactly, while
 * node-semver converts them to floating point and so calls 1.0.0-9007199254740993 equal to 1.0.0-9007199254740992
 * (and, since it stops at the first such tie, breaks transitivity).
 */
public final class NpmVersion implements Version {
    public static final int MAX_LENGTH = 256;
    /** JavaScript's Number.MAX_SAFE_INTEGER, node-semver's largest major, minor and patch. */
    public static final long MAX_SAFE_INTEGER = 9007199254740991L;

    private final String raw;
    private final long major;
    private final long minor;
    private final long patch;
    private final List<Identifier> prerelease;
    private final List<String> prereleaseText;
    private final List<String> build;

    private NpmVersion(String raw, long major, long minor, long patch, List<Identifier> prerelease,
            List<String> prereleaseText, List<String> build) {
        this.raw = raw;
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = List.copyOf(prerelease);
        this.prereleaseText = List.copyOf(prereleaseText);
        this.build = List.copyOf(build);
    }

    /** Parses in node-semver's loose mode (npm's reading of installed versions). */
    public static NpmVersion parse(String raw) throws InvalidVersionException {
        return parse(raw, true);
    }

    /** Parses in node-semver's default (strict) mode: SemVer 2.0.0, surrounding whitespace and one "v" allowed. */
    public static NpmVersion parseStrict(String raw) throws InvalidVersionException {
        return parse(raw, false);
    }

    public static NpmVersion parse(String raw, boolean loose) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidVersionException("npm version longer than " + MAX_LENGTH + " characters: \""
                + raw.substring(0, 40) + "...\"");
        }
        NpmGrammar grammar = loose ? NpmGrammar.LOOSE : NpmGrammar.STRICT;
        Matcher m = grammar.version.matcher(JsText.trim(raw));
        if (!m.matches()) {
            throw new InvalidVersionException("malformed npm version \"" + raw + "\""
                + (loose ? "" : " (strict SemVer expected)"));
        }
        long major = component(raw, "major", m.group(1));
        long minor = component(raw, "minor", m.group(2));
        long patch = component(raw, "patch", m.group(3));
        List<Identifier> prerelease = new ArrayList<>();
        List<String> prereleaseText = new ArrayList<>();
        if (m.group(4) != null) {
            for (String text : m.group(4).split("\\.", -1)) {
                Identifier identifier = Identifier.of(text);
                prerelease.add(identifier);
                prereleaseText.add(displayed(identifier, text));
            }
        }
        List<String> build = m.group(5) == null ? List.of() : List.of(m.group(5).split("\\.", -1));
        return new NpmVersion(raw, major, minor, patch, prerelease, prereleaseText, build);
    }

    private static long component(String raw, String name, String digits) throws InvalidVersionException {
        BigInteger value = new BigInteger(digits);
        if (value.compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
            throw new InvalidVersionException("npm version \"" + raw + "\": " + name + " number " + digits
                + " is above 2^53-1, node-semver's limit");
        }
        return value.longValueExact();
    }

    /** node prints numeric identifiers below 2^53-1 as numbers (so "007" shows as "7") and others as written. */
    private static String displayed(Identifier identifier, String text) {
        if (identifier instanceof Identifier.Numeric n
                && n.value().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) < 0) {
            return n.value().toString();
        }
        return text;
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return NpmScheme.INSTANCE;
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    public List<Identifier> prerelease() {
        return prerelease;
    }

    public List<String> build() {
        return build;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Whether major, minor and patch are those of {@code other} (node-semver's pre-release admission test). */
    public boolean sameRelease(NpmVersion other) {
        return major == other.major && minor == other.minor && patch == other.patch;
    }

    /** The version as node-semver formats it ({@code SemVer#version}): no prefix, no build metadata. */
    public String normalized() {
        StringBuilder out = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!prereleaseText.isEmpty()) {
            out.append('-').append(String.join(".", prereleaseText));
        }
        return out.toString();
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof NpmVersion that)) {
            throw new IllegalArgumentException("cannot order an npm version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        return precedence(that);
    }

    int precedence(NpmVersion that) {
        int order = Long.compare(major, that.major);
        if (order == 0) {
            order = Long.compare(minor, that.minor);
        }
        if (order == 0) {
            order = Long.compare(patch, that.patch);
        }
        if (order == 0) {
            order = Identifier.comparePrerelease(prerelease, that.prerelease);
        }
        return Integer.signum(order);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpmVersion that && precedence(that) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease);
    }

    @Override
    public String toString() {
        return normalized();
    }
}
