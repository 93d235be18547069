package dev.plimsoll.version.composer;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** Composer (Packagist) versions and constraints, as composer/semver reads them. */
public final class ComposerScheme implements VersionScheme {
    public static final ComposerScheme INSTANCE = new ComposerScheme();

    private ComposerScheme() {
    }

    @Override
    public String id() {
        return "composer";
    }

    @Override
    public ComposerVersion parse(String raw) throws InvalidVersionException {
        return ComposerVersion.parse(raw);
    }

    @Override
    public ComposerConstraint constraint(String expression) throws InvalidVersionException {
        return ComposerConstraint.parse(expression);
    }
}
