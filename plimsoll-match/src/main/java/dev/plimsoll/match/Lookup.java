package dev.plimsoll.match;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.MatchBasis;
import java.util.Objects;

/**
 * One database lookup for a package, and how to judge what it returns.
 *
 * @param key     the key the advisories are stored under
 * @param basis   DIRECT when the key names the package itself, SOURCE_PACKAGE when it names its source package
 * @param version the installed version to compare with the advisories' bounds (for Debian the source version)
 */
public record Lookup(PackageKey key, MatchBasis basis, String version) {
    public Lookup {
        Objects.requireNonNull(key);
        Objects.requireNonNull(basis);
        Objects.requireNonNull(version);
    }
}
