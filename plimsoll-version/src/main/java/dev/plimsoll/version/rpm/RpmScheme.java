package dev.plimsoll.version.rpm;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** rpm EVRs ordered as rpm orders them; constraints in rpm's comparison operators. */
public enum RpmScheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "rpm";
    }

    @Override
    public RpmVersion parse(String raw) throws InvalidVersionException {
        return RpmVersion.parse(raw);
    }

    @Override
    public RpmConstraint constraint(String expression) throws InvalidVersionException {
        return RpmConstraint.parse(expression);
    }
}
