package dev.plimsoll.policy;

import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import dev.plimsoll.version.VersionConstraint;
import dev.plimsoll.version.VersionScheme;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The packages an ignore entry is about: a name, optionally an ecosystem, optionally a version range in the
 * ecosystem's own comparator syntax ("&lt;4.17.21", "&gt;=2.0, &lt;2.3"), compared by the ecosystem's version scheme.
 *
 * @param name      the package name as reports show it (npm "@scope/name", Maven "group:artifact")
 * @param ecosystem the ecosystem, when given
 * @param versions  the version range, when given, as written
 */
public record PackageSelector(String name, Optional<Ecosystem> ecosystem, Optional<String> versions) {
    public PackageSelector {
        Objects.requireNonNull(name);
        Objects.requireNonNull(ecosystem);
        Objects.requireNonNull(versions);
    }

    /** The range compiled for one ecosystem, or why it cannot be. */
    static Optional<String> rangeProblem(Ecosystem ecosystem, String range) {
        Optional<VersionScheme> scheme = Schemes.of(ecosystem);
        if (scheme.isEmpty()) {
            return Optional.of("no version scheme for " + ecosystem.purlType() + " packages");
        }
        try {
            scheme.get().constraint(range);
            return Optional.empty();
        } catch (InvalidVersionException e) {
            return Optional.of("not a " + scheme.get().id() + " version range: " + e.getMessage());
        }
    }

    boolean matches(PackageRef pkg) {
        if (!pkg.name().equals(name) && !pkg.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (ecosystem.isPresent() && ecosystem.get() != pkg.ecosystem()) {
            return false;
        }
        if (versions.isEmpty()) {
            return true;
        }
        Optional<VersionScheme> scheme = Schemes.of(pkg.ecosystem());
        if (scheme.isEmpty()) {
            return false;
        }
        try {
            VersionConstraint constraint = scheme.get().constraint(versions.get());
            return constraint.contains(scheme.get().parse(pkg.version()));
        } catch (InvalidVersionException e) {
            return false; // a version the range cannot place is not accepted: better reported than hidden
        }
    }

    @Override
    public String toString() {
        return ecosystem.map(e -> e.purlType() + ":").orElse("") + name + versions.map(v -> " " + v).orElse("");
    }
}
