package dev.plimsoll.version.semver;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/**
 * Strict SemVer 2.0.0: the order of OSV ranges of type SEMVER in any ecosystem, and of Hex, Pub and Swift
 * packages. Versions may carry one leading {@code v}; see {@link SemverVersion}.
 */
public enum SemverScheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "semver";
    }

    @Override
    public SemverVersion parse(String raw) throws InvalidVersionException {
        return SemverVersion.parse(raw);
    }

    @Override
    public SemverConstraint constraint(String expression) throws InvalidVersionException {
        return SemverConstraint.parse(expression);
    }
}
