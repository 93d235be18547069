package dev.plimsoll.version.go;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/**
 * Go module versions (and the Go toolchain's own "go1.21.3" versions for the stdlib and toolchain packages),
 * ordered as golang.org/x/mod/semver orders them.
 */
public final class GoScheme implements VersionScheme {
    public static final GoScheme INSTANCE = new GoScheme();

    private GoScheme() {
    }

    @Override
    public String id() {
        return "go";
    }

    @Override
    public GoVersion parse(String raw) throws InvalidVersionException {
        return GoVersion.parse(raw);
    }

    @Override
    public GoConstraint constraint(String expression) throws InvalidVersionException {
        return GoConstraint.parse(expression);
    }
}
