package dev.plimsoll.version.apk;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** Alpine package versions ordered as apk-tools orders them; constraints in apk's comparison operators. */
public enum ApkScheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "apk";
    }

    @Override
    public ApkVersion parse(String raw) throws InvalidVersionException {
        return ApkVersion.parse(raw);
    }

    @Override
    public ApkConstraint constraint(String expression) throws InvalidVersionException {
        return ApkConstraint.parse(expression);
    }
}
