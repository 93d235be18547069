package dev.plimsoll.version.maven;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.util.Objects;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * A Maven artifact version, ordered by Maven's own {@link ComparableVersion} (org.apache.maven:maven-artifact):
 * "1.0" equals "1" and "1-ga"/"1-final"/"1.0.RELEASE", qualifiers order alpha &lt; beta &lt; milestone &lt; rc
 * (= cr) &lt; snapshot &lt; release &lt; sp, unknown qualifiers sort after sp, "1-1" is below "1.1".
 *
 * <p>Maven accepts any text as a version; this wrapper refuses only what cannot be a version in a POM or a
 * range: empty text, whitespace and control characters, the range punctuation {@code [](),}, and text longer
 * than {@link #MAX_LENGTH}. Equality is that of the order: {@link #equals} holds exactly when {@link #compareTo}
 * is 0 (both rest on the library's canonical form).
 */
public final class MavenVersion implements Version {
    /** Bounds the work one hostile string can cause; real Maven versions are far shorter. */
    public static final int MAX_LENGTH = 1024;

    private final String raw;
    private final ComparableVersion comparable;

    private MavenVersion(String raw) {
        this.raw = raw;
        this.comparable = new ComparableVersion(raw);
    }

    public static MavenVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.isEmpty()) {
            throw new InvalidVersionException("empty Maven version");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidVersionException("Maven version longer than " + MAX_LENGTH + " characters: \""
                + raw.substring(0, 40) + "...\"");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "[](),".indexOf(c) >= 0) {
                throw new InvalidVersionException("malformed Maven version \"" + raw + "\": unexpected "
                    + describe(c) + " at " + i);
            }
        }
        return new MavenVersion(raw);
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return MavenScheme.INSTANCE;
    }

    /** Maven's canonical form ("1.0.RELEASE" is "1", "1.0.0.RC1" is "1-rc-1"). */
    public String canonical() {
        return comparable.getCanonical();
    }

    /** The library's value, for callers that use maven-artifact directly. */
    public ComparableVersion comparable() {
        return comparable;
    }

    /** The sign of {@link ComparableVersion#compareTo}, which itself may return any magnitude. */
    @Override
    public int compareTo(Version other) {
        if (!(other instanceof MavenVersion that)) {
            throw new IllegalArgumentException("cannot order a Maven version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        return Integer.signum(comparable.compareTo(that.comparable));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MavenVersion that && comparable.equals(that.comparable);
    }

    @Override
    public int hashCode() {
        return comparable.hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }

    private static String describe(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c)
            ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }
}
