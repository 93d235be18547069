package dev.plimsoll.version;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import java.util.Optional;

/** The scheme of each ecosystem and constraint syntax. */
public final class Schemes {
    private Schemes() {
    }

    /** The ecosystem's scheme; empty for ecosystems without a defined version order (generic, conan). */
    public static Optional<VersionScheme> of(Ecosystem ecosystem) {
        // Filled in as each scheme lands: DEB -> dpkg, RPM -> rpm, APK -> apk, NPM -> npm, MAVEN -> maven,
        // PYPI -> pep440, GOLANG -> go, GEM -> gem, NUGET -> nuget, CARGO -> cargo, COMPOSER -> composer,
        // HEX/PUB/SWIFT -> semver.
        return switch (ecosystem) {
            case DEB -> Optional.of(dev.plimsoll.version.dpkg.DpkgScheme.INSTANCE);
            case RPM -> Optional.of(dev.plimsoll.version.rpm.RpmScheme.INSTANCE);
            case APK -> Optional.of(dev.plimsoll.version.apk.ApkScheme.INSTANCE);
            case GEM -> Optional.of(dev.plimsoll.version.gem.GemScheme.INSTANCE);
            case PYPI -> Optional.of(dev.plimsoll.version.pep440.Pep440Scheme.INSTANCE);
            case MAVEN -> Optional.of(dev.plimsoll.version.maven.MavenScheme.INSTANCE);
            case GOLANG -> Optional.of(dev.plimsoll.version.go.GoScheme.INSTANCE);
            case COMPOSER -> Optional.of(dev.plimsoll.version.composer.ComposerScheme.INSTANCE);
            case NPM -> Optional.of(dev.plimsoll.version.npm.NpmScheme.INSTANCE);
            case CARGO -> Optional.of(dev.plimsoll.version.cargo.CargoScheme.INSTANCE);
            case NUGET -> Optional.of(dev.plimsoll.version.nuget.NuGetScheme.INSTANCE);
            case HEX, PUB, SWIFT -> Optional.of(dev.plimsoll.version.semver.SemverScheme.INSTANCE);
            default -> Optional.empty();
        };
    }

    /**
     * Strict SemVer 2.0.0, the order of OSV ranges of type SEMVER whatever the package's ecosystem (OSV defines
     * SEMVER events as SemVer versions, not as the ecosystem's own).
     */
    public static VersionScheme semver() {
        return dev.plimsoll.version.semver.SemverScheme.INSTANCE;
    }

    /** The scheme that parses constraints written in this syntax. */
    public static VersionScheme of(ConstraintSyntax syntax) {
        return switch (syntax) {
            case GEM -> dev.plimsoll.version.gem.GemScheme.INSTANCE;
            case PEP440 -> dev.plimsoll.version.pep440.Pep440Scheme.INSTANCE;
            case MAVEN -> dev.plimsoll.version.maven.MavenScheme.INSTANCE;
            case COMPOSER -> dev.plimsoll.version.composer.ComposerScheme.INSTANCE;
            case NPM -> dev.plimsoll.version.npm.NpmScheme.INSTANCE;
            case NUGET -> dev.plimsoll.version.nuget.NuGetScheme.INSTANCE;
            default -> throw new IllegalStateException("no scheme for " + syntax + " yet");
        };
    }
}
