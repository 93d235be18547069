package dev.plimsoll.version.nuget;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.Objects;
import java.util.Optional;

/**
 * A NuGet version range in interval notation, as {@code VersionRange.Parse(text, allowFloating: false)} reads it:
 * <pre>
 *   1.0        x &gt;= 1.0          [1.0,)   x &gt;= 1.0        (1.0,)  x &gt; 1.0
 *   [1.0]      x == 1.0          (,1.0]   x &lt;= 1.0        (,1.0)  x &lt; 1.0
 *   [1.0,2.0]  1.0 &lt;= x &lt;= 2.0   (1.0,2.0)  1.0 &lt; x &lt; 2.0  [1.0,2.0)  1.0 &lt;= x &lt; 2.0
 * </pre>
 * Whitespace around the bounds is ignored. Refused: a lower bound above the upper one, equal bounds with one side
 * open ("[1.0,1.0)"), a single bound in anything but "[ ]", both bounds missing ("(,)"), more than one comma, and
 * floating versions ("1.*", "*"), which pick a version to install rather than describe a set. A bound that is only
 * whitespace counts as absent, so "[ , ]" matches every version, as in NuGet.
 *
 * <p>{@link #contains} is {@code VersionRange.Satisfies}: a plain bounds check with metadata ignored and
 * pre-releases not excluded (NuGet's pre-release preference applies to choosing a version, not to membership).
 */
public record NuGetVersionRange(String raw, Optional<NuGetVersion> min, boolean minInclusive,
        Optional<NuGetVersion> max, boolean maxInclusive) implements VersionConstraint {
    public static final int MAX_LENGTH = 1024;

    public NuGetVersionRange {
        Objects.requireNonNull(raw);
        Objects.requireNonNull(min);
        Objects.requireNonNull(max);
    }

    public static NuGetVersionRange parse(String text) throws InvalidVersionException {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidVersionException("NuGet version range longer than " + MAX_LENGTH + " characters");
        }
        String trimmed = DotNetText.trim(text);
        if (trimmed.isEmpty()) {
            throw fail(text, "it is empty");
        }
        if (trimmed.indexOf('*') >= 0) {
            throw fail(text, "floating versions choose what to install and are not version sets");
        }
        char first = trimmed.charAt(0);
        if (first != '(' && first != '[') {
            return new NuGetVersionRange(text, Optional.of(bound(text, trimmed)), true, Optional.empty(), false);
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        if (trimmed.length() < 2 || (last != ')' && last != ']')) {
            throw fail(text, "an interval must end with ')' or ']'");
        }
        boolean minInclusive = first == '[';
        boolean maxInclusive = last == ']';
        String[] parts = trimmed.substring(1, trimmed.length() - 1).split(",", -1);
        if (parts.length > 2) {
            throw fail(text, "an interval has at most two bounds");
        }
        if (parts[0].isEmpty() && (parts.length == 1 || parts[1].isEmpty())) {
            throw fail(text, "an interval needs a bound");
        }
        if (parts.length == 1 && !(minInclusive && maxInclusive)) {
            throw fail(text, "a single version must be written [version]");
        }
        String lower = parts[0];
        String upper = parts.length == 2 ? parts[1] : parts[0];
        Optional<NuGetVersion> min = DotNetText.isBlank(lower) ? Optional.empty() : Optional.of(bound(text, lower));
        Optional<NuGetVersion> max = DotNetText.isBlank(upper) ? Optional.empty() : Optional.of(bound(text, upper));
        if (min.isPresent() && max.isPresent()) {
            int order = min.get().order(max.get());
            if (order > 0) {
                throw fail(text, "the lower bound is above the upper bound");
            }
            if (order == 0 && minInclusive != maxInclusive) {
                throw fail(text, "equal bounds with one side open");
            }
        }
        return new NuGetVersionRange(text, min, minInclusive, max, maxInclusive);
    }

    private static NuGetVersion bound(String text, String version) throws InvalidVersionException {
        try {
            return NuGetVersion.parse(version);
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException("NuGet version range \"" + text + "\": " + e.getMessage());
        }
    }

    private static InvalidVersionException fail(String text, String why) {
        return new InvalidVersionException("malformed NuGet version range \"" + text + "\": " + why);
    }

    public boolean satisfies(NuGetVersion version) {
        if (min.isPresent()) {
            int order = min.get().order(version);
            if (minInclusive ? order > 0 : order >= 0) {
                return false;
            }
        }
        if (max.isPresent()) {
            int order = max.get().order(version);
            return maxInclusive ? order >= 0 : order > 0;
        }
        return true;
    }

    @Override
    public boolean contains(Version version) {
        if (!(version instanceof NuGetVersion candidate)) {
            throw new IllegalArgumentException("a NuGet version range cannot test a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        return satisfies(candidate);
    }

    @Override
    public String toString() {
        return raw;
    }
}
