package dev.plimsoll.version.npm;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/**
 * npm: node-semver's loose reading of versions and its range grammar. {@link #constraint} reads advisory ranges
 * the way npm audit does ({@link NpmRangeOptions#VULNERABILITY_MATCHING}: loose, pre-releases included), so an
 * installed pre-release is judged by its place in the order; {@link NpmRange#parse} offers node's other modes.
 */
public enum NpmScheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "npm";
    }

    @Override
    public NpmVersion parse(String raw) throws InvalidVersionException {
        return NpmVersion.parse(raw);
    }

    @Override
    public NpmRange constraint(String expression) throws InvalidVersionException {
        return NpmRange.parse(expression, NpmRangeOptions.VULNERABILITY_MATCHING);
    }
}
