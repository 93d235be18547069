package dev.plimsoll.version.npm;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A node-semver range: comparator sets joined by {@code ||}, each set a list of primitive comparators that must all
 * hold. Supports the whole grammar (hyphen ranges, x-ranges, {@code *}, tilde, caret, comparator sets, partial
 * versions) with node-semver's results, checked against node-semver itself by the differential tests.
 *
 * <p>Pre-releases: unless {@link NpmRangeOptions#includePrerelease()}, a pre-release satisfies a set only if a
 * comparator of that set names a pre-release with the same major, minor and patch ("&gt;=1.2.3-alpha &lt;2" admits
 * 1.2.3-beta but not 1.2.4-beta). Vulnerability matching uses {@link NpmRangeOptions#VULNERABILITY_MATCHING}.
 *
 * @param dropped comparators that loose mode discarded because they still could not be read, as node-semver does
 *     silently; callers can report them
 */
public record NpmRange(String raw, NpmRangeOptions options, List<List<NpmComparator>> sets, List<String> dropped)
        implements VersionConstraint {
    /** node-semver sets no limit; this bounds the work a hostile range can cause, far above any real one. */
    public static final int MAX_LENGTH = 2048;

    public NpmRange {
        Objects.requireNonNull(raw);
        Objects.requireNonNull(options);
        sets = sets.stream().map(List::copyOf).toList();
        dropped = List.copyOf(dropped);
    }

    public static NpmRange parse(String expression, NpmRangeOptions options) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(options, "options");
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidVersionException("npm range longer than " + MAX_LENGTH + " characters: \""
                + expression.substring(0, 40) + "...\"");
        }
        return new NpmRangeParser(options).parse(expression);
    }

    /** {@code semver.satisfies(version, range, options)}. */
    public boolean test(NpmVersion version) {
        for (List<NpmComparator> set : sets) {
            if (testSet(set, version)) {
                return true;
            }
        }
        return false;
    }

    private boolean testSet(List<NpmComparator> set, NpmVersion version) {
        for (NpmComparator comparator : set) {
            if (!comparator.test(version)) {
                return false;
            }
        }
        if (!version.isPrerelease() || options.includePrerelease()) {
            return true;
        }
        for (NpmComparator comparator : set) {
            if (comparator instanceof NpmComparator.Bound bound && bound.version().isPrerelease()
                    && bound.version().sameRelease(version)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean contains(Version version) {
        if (!(version instanceof NpmVersion candidate)) {
            throw new IllegalArgumentException("an npm range cannot test a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        return test(candidate);
    }

    /** The desugared range as node-semver prints it ({@code Range#range}): "&gt;=1.2.0 &lt;1.3.0-0||2.0.0". */
    public String normalized() {
        return sets.stream()
            .map(set -> set.stream().map(NpmComparator::value).collect(Collectors.joining(" ")))
            .collect(Collectors.joining("||"));
    }

    @Override
    public String toString() {
        return raw;
    }
}
