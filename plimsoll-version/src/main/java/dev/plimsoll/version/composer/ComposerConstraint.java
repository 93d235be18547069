package dev.plimsoll.version.composer;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.Objects;

/**
 * A Composer constraint ("^1.2 || ~2.0.3", "&gt;=1.0 &lt;1.4.2", "1.0 - 2.0", "2.*@beta"), matched as composer's
 * {@code Semver::satisfies} matches a version against it.
 */
public final class ComposerConstraint implements VersionConstraint {
    private final String raw;
    private final ComposerTerm term;

    private ComposerConstraint(String raw, ComposerTerm term) {
        this.raw = raw;
        this.term = term;
    }

    public static ComposerConstraint parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        return new ComposerConstraint(expression, ComposerConstraintParser.parse(expression));
    }

    @Override
    public boolean contains(Version version) {
        if (!(version instanceof ComposerVersion composer)) {
            throw new IllegalArgumentException("a composer constraint cannot hold a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        return term.matches(composer.normalized());
    }

    /** Matches a normalised version or branch name ("dev-main") directly. */
    public boolean matchesNormalized(String normalizedVersion) {
        return term.matches(normalizedVersion);
    }

    public ComposerTerm term() {
        return term;
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return term.render();
    }
}
