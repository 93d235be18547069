package dev.plimsoll.analyzer.lang.python;

import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import java.util.Objects;
import java.util.Optional;

/**
 * One package a Python lockfile or requirements file pins.
 *
 * @param name     as the file writes it
 * @param version  the exact version, as written
 * @param dev      needed only for development (a dev group or category, Pipfile.lock's "develop")
 * @param relation whether the project names it itself, when the file says
 * @param resolved where it comes from when not the default index: an index URL, a git URL and commit, an archive
 * @param checksum the first hash the file records for it, as written ("sha256:...")
 * @param line     1-based line of its entry, 0 when not known
 */
record LockedPackage(String name, String version, boolean dev, Relation relation, Optional<String> resolved,
                     Optional<String> checksum, int line) {
    LockedPackage {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(relation);
        Objects.requireNonNull(resolved);
        Objects.requireNonNull(checksum);
    }
}
