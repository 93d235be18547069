package dev.plimsoll.version.npm;

/**
 * node-semver's range options.
 *
 * @param loose read versions in ranges loosely and drop comparators that still cannot be read (npm audit does)
 * @param includePrerelease let pre-releases match on their place in the order alone; without it a pre-release
 *     matches a comparator set only if one of its comparators names a pre-release of the same major.minor.patch
 */
public record NpmRangeOptions(boolean loose, boolean includePrerelease) {
    /** node-semver's defaults: {@code semver.satisfies(v, range)}. */
    public static final NpmRangeOptions DEFAULT = new NpmRangeOptions(false, false);
    /** {@code {includePrerelease: true}}. */
    public static final NpmRangeOptions INCLUDE_PRERELEASE = new NpmRangeOptions(false, true);
    /**
     * What npm audit applies to advisory ranges ({@code @npmcli/metavuln-calculator}: loose and
     * includePrerelease), and so what vulnerability matching uses: an installed 2.0.0-beta.3 is inside
     * "&lt;2.0.0", as its position in the order says, instead of escaping every range that names no 2.0.0
     * pre-release.
     */
    public static final NpmRangeOptions VULNERABILITY_MATCHING = new NpmRangeOptions(true, true);
}
