package dev.plimsoll.match.support;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.SchemeSource;
import dev.plimsoll.version.VersionScheme;
import java.util.Optional;

/** A scheme source where everything is a {@link NaturalScheme}, except ecosystems and syntaxes left out. */
public record TestSchemes(VersionScheme ecosystemScheme, VersionScheme semverScheme, VersionScheme syntaxScheme)
        implements SchemeSource {

    public static TestSchemes natural() {
        return new TestSchemes(new NaturalScheme("natural"), new NaturalScheme("test-semver"),
                new NaturalScheme("natural-constraint"));
    }

    @Override
    public Optional<VersionScheme> forEcosystem(Ecosystem e) {
        return e == Ecosystem.GENERIC ? Optional.empty() : Optional.of(ecosystemScheme);
    }

    @Override
    public Optional<VersionScheme> forSyntax(ConstraintSyntax s) {
        return s == ConstraintSyntax.NUGET ? Optional.empty() : Optional.of(syntaxScheme);
    }

    @Override
    public Optional<VersionScheme> semver() {
        return Optional.of(semverScheme);
    }
}
