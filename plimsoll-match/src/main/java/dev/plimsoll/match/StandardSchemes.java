package dev.plimsoll.match;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.Schemes;
import dev.plimsoll.version.VersionScheme;
import java.util.Optional;

/** plimsoll-version's schemes. */
enum StandardSchemes implements SchemeSource {
    INSTANCE;

    @Override
    public Optional<VersionScheme> forEcosystem(Ecosystem ecosystem) {
        return Schemes.of(ecosystem);
    }

    @Override
    public Optional<VersionScheme> forSyntax(ConstraintSyntax syntax) {
        try {
            return Optional.of(Schemes.of(syntax));
        } catch (IllegalStateException e) {
            return Optional.empty(); // a syntax without a scheme: its ranges cannot be compared, and say so
        }
    }

    @Override
    public Optional<VersionScheme> semver() {
        return Optional.of(Schemes.semver());
    }
}
