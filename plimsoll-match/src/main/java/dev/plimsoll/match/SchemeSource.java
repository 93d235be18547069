package dev.plimsoll.match;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.VersionScheme;
import java.util.Optional;

/**
 * Where the matcher gets its version schemes. Production uses {@link #standard()} (plimsoll-version's
 * {@code Schemes}); tests may hand in their own, so range evaluation is testable apart from any one scheme.
 */
public interface SchemeSource {

    /** The order of the ecosystem's versions (OSV ECOSYSTEM ranges, explicit version lists); empty when undefined. */
    Optional<VersionScheme> forEcosystem(Ecosystem ecosystem);

    /** The scheme that parses constraints of this syntax; empty when there is none. */
    Optional<VersionScheme> forSyntax(ConstraintSyntax syntax);

    /** Strict SemVer 2.0 for OSV SEMVER ranges; empty when there is none. */
    Optional<VersionScheme> semver();

    static SchemeSource standard() {
        return StandardSchemes.INSTANCE;
    }
}
