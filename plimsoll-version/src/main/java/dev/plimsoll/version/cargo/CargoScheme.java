package dev.plimsoll.version.cargo;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** crates.io: the semver crate's versions (SemVer precedence) and Cargo's requirement syntax. */
public enum CargoScheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "cargo";
    }

    @Override
    public CargoVersion parse(String raw) throws InvalidVersionException {
        return CargoVersion.parse(raw);
    }

    @Override
    public CargoRequirement constraint(String expression) throws InvalidVersionException {
        return CargoRequirement.parse(expression);
    }
}
