package dev.plimsoll.version.composer;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Composer package version, normalised as composer/semver normalises it ("v1.0" is "1.0.0.0", "1.0-RC1"
 * "1.0.0.0-RC1") and ordered as composer orders normalised versions: by PHP's {@code version_compare}, which
 * puts the stabilities in the order dev &lt; alpha &lt; beta &lt; RC &lt; stable &lt; patch (pl, p).
 *
 * <p>Branch names ("dev-main", "dev-feature/x", "master") are not versions here: composer never orders them
 * against numbered versions, so {@link #parse} refuses them with {@link InvalidVersionException}. Numeric
 * branches such as "2.1.x-dev" are versions (2.1.9999999.9999999-dev, above every 2.1 release).
 *
 * <p>Equality is that of the order: {@link #equals} holds exactly when {@link #compareTo} is 0 ("1.0" equals
 * "1.0.0", "1.0-a1" equals "1.0-alpha1").
 */
public final class ComposerVersion implements Version {
    private final String raw;
    private final String normalized;
    private final List<Object> orderKey;

    private ComposerVersion(String raw, String normalized) {
        this.raw = raw;
        this.normalized = normalized;
        this.orderKey = orderKey(normalized);
    }

    public static ComposerVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        String normalized = ComposerVersionParser.normalize(raw);
        if (normalized.startsWith("dev-")) {
            throw new InvalidVersionException("composer branch \"" + raw
                + "\" is not a version: composer does not order branches against versions");
        }
        return new ComposerVersion(raw, normalized);
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return ComposerScheme.INSTANCE;
    }

    /** The normalised form composer compares ("1.2.0.0-beta2"). */
    public String normalized() {
        return normalized;
    }

    /** "stable", "RC", "beta", "alpha" or "dev", as composer's {@code VersionParser::parseStability}. */
    public String stability() {
        return ComposerVersionParser.parseStability(normalized);
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof ComposerVersion that)) {
            throw new IllegalArgumentException("cannot order a composer version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        return PhpVersionCompare.compare(normalized, that.normalized);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComposerVersion that && orderKey.equals(that.orderKey);
    }

    @Override
    public int hashCode() {
        return orderKey.hashCode();
    }

    @Override
    public String toString() {
        return normalized;
    }

    /**
     * What version_compare looks at: each canonical part as its number, or as its special-form rank for a word.
     * Two normalised versions compare equal exactly when these lists are equal (a normalised version has no '#'
     * and no empty part, so a longer list never compares equal to its prefix).
     */
    private static List<Object> orderKey(String normalized) {
        List<Object> key = new ArrayList<>();
        for (String part : PhpVersionCompare.canonicalize(normalized).split("\\.", -1)) {
            if (!part.isEmpty() && PhpVersionCompare.isDigit(part.charAt(0))) {
                key.add(PhpVersionCompare.leadingNumber(part));
            } else {
                key.add("rank " + PhpVersionCompare.rank(part));
            }
        }
        return List.copyOf(key);
    }
}
