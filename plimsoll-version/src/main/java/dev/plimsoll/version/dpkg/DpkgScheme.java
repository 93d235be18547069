package dev.plimsoll.version.dpkg;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** Debian package versions ordered as dpkg orders them; constraints in Debian relation syntax. */
public enum DpkgScheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "dpkg";
    }

    @Override
    public DpkgVersion parse(String raw) throws InvalidVersionException {
        return DpkgVersion.parse(raw);
    }

    @Override
    public DpkgConstraint constraint(String expression) throws InvalidVersionException {
        return DpkgConstraint.parse(expression);
    }
}
