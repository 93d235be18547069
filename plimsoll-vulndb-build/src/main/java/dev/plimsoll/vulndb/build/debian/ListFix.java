package dev.plimsoll.vulndb.build.debian;

import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * One "[codename] - srcpkg version-or-marker (note)" line of a DSA/DLA entry.
 *
 * @param release       the codename as written ("bullseye")
 * @param sourcePackage the source package
 * @param fix           {@code Fixed(version)}, or the state its marker names ({@code <not-affected>}, …)
 * @param urgency       an urgency named in the trailing note ("(bug #332524; medium)"), written in old entries
 */
record ListFix(String release, String sourcePackage, FixState fix, Optional<Severity> urgency, int line) {
    ListFix {
        Objects.requireNonNull(release);
        Objects.requireNonNull(sourcePackage);
        Objects.requireNonNull(fix);
        Objects.requireNonNull(urgency);
    }
}
