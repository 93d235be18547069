package dev.plimsoll.vulndb.build.osv;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import java.util.Objects;

/** What an OSV {@code package.ecosystem} string means to Plimsoll: see {@link OsvEcosystems} for the table. */
public sealed interface EcosystemMapping {

    /** A language ecosystem: the package is keyed by name alone. */
    record Language(Ecosystem ecosystem) implements EcosystemMapping {
        public Language {
            if (ecosystem.isOs()) {
                throw new IllegalArgumentException("not a language ecosystem: " + ecosystem);
            }
        }
    }

    /** A distribution release: the package is keyed by name within a {@link dev.plimsoll.core.advisory.Distro} key. */
    record Os(Ecosystem ecosystem, String distro) implements EcosystemMapping {
        public Os {
            Objects.requireNonNull(distro);
            if (!ecosystem.isOs()) {
                throw new IllegalArgumentException("not an OS ecosystem: " + ecosystem);
            }
        }
    }

    /** Not something Plimsoll matches (GitHub Actions, Linux kernel, a Red Hat layered product): why not. */
    record Unsupported(String reason) implements EcosystemMapping {
        public Unsupported {
            Objects.requireNonNull(reason);
        }
    }

    /** The package key of {@code name} under a supported mapping. */
    static PackageKey key(EcosystemMapping mapping, String name) {
        return switch (mapping) {
            case Language language -> PackageKey.language(language.ecosystem(), name);
            case Os os -> PackageKey.os(os.ecosystem(), os.distro(), name);
            case Unsupported unsupported -> throw new IllegalArgumentException(unsupported.reason());
        };
    }
}
