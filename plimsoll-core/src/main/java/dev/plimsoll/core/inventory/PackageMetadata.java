package dev.plimsoll.core.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Format-specific facts about a package, one record per format. Writers switch over the permits exhaustively, so a
 * new format is a compile error everywhere it must be handled.
 */
public sealed interface PackageMetadata {

    /** Files the package installed, as absolute paths, when the database lists them. */
    List<String> files();

    /** dpkg (var/lib/dpkg/status and status.d). */
    record Dpkg(String architecture, Optional<String> maintainer, Optional<String> multiArch,
                OptionalLong installedSizeKib, List<String> depends, List<String> files) implements PackageMetadata {
        public Dpkg {
            Objects.requireNonNull(architecture);
            Objects.requireNonNull(maintainer);
            Objects.requireNonNull(multiArch);
            Objects.requireNonNull(installedSizeKib);
            depends = List.copyOf(depends);
            files = List.copyOf(files);
        }
    }

    /** apk (lib/apk/db/installed). */
    record Apk(String architecture, Optional<String> origin, Optional<String> maintainer, Optional<String> url,
               Optional<String> commit, OptionalLong installedSize, List<String> depends, List<String> files)
            implements PackageMetadata {
        public Apk {
            Objects.requireNonNull(architecture);
            Objects.requireNonNull(origin);
            Objects.requireNonNull(maintainer);
            Objects.requireNonNull(url);
            Objects.requireNonNull(commit);
            Objects.requireNonNull(installedSize);
            depends = List.copyOf(depends);
            files = List.copyOf(files);
        }
    }

    /**
     * rpm (sqlite, ndb or Berkeley DB rpmdb).
     *
     * @param epoch           the EPOCH tag; empty when the header has none (rpm's %{EPOCHNUM} prints 0 then)
     * @param version         VERSION
     * @param release         RELEASE
     * @param architecture    ARCH ("x86_64", "noarch")
     * @param sourceRpm       SOURCERPM ("openssl-3.0.7-24.el9.src.rpm")
     * @param vendor          VENDOR
     * @param modularityLabel MODULARITYLABEL, for packages from modules
     */
    record Rpm(Optional<Integer> epoch, String version, String release, String architecture,
               Optional<String> sourceRpm, Optional<String> vendor, Optional<String> modularityLabel,
               OptionalLong installedSize, List<String> files) implements PackageMetadata {
        public Rpm {
            Objects.requireNonNull(epoch);
            Objects.requireNonNull(version);
            Objects.requireNonNull(release);
            Objects.requireNonNull(architecture);
            Objects.requireNonNull(sourceRpm);
            Objects.requireNonNull(vendor);
            Objects.requireNonNull(modularityLabel);
            Objects.requireNonNull(installedSize);
            files = List.copyOf(files);
        }
    }
}
