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

    /**
     * A package known only by its package URL, from an SBOM: no database or manifest of ours described it.
     *
     * @param purl   the package URL as the SBOM wrote it
     * @param bomRef the SBOM's own reference for it (CycloneDX bom-ref, SPDX SPDXID), if any
     */
    record Listed(String purl, Optional<String> bomRef) implements PackageMetadata {
        public Listed {
            Objects.requireNonNull(purl);
            Objects.requireNonNull(bomRef);
        }

        @Override
        public List<String> files() {
            return List.of();
        }
    }

    /**
     * An installed Python distribution ({@code *.dist-info/METADATA}, {@code *.egg-info/PKG-INFO} or an egg-info
     * file).
     *
     * @param layout         "dist-info" or "egg-info"
     * @param author         Author, else Author-email
     * @param homePage       Home-page
     * @param requiresPython Requires-Python
     */
    record Python(String layout, Optional<String> author, Optional<String> homePage, Optional<String> requiresPython)
            implements PackageMetadata {
        public Python {
            Objects.requireNonNull(layout);
            Objects.requireNonNull(author);
            Objects.requireNonNull(homePage);
            Objects.requireNonNull(requiresPython);
        }

        @Override
        public List<String> files() {
            return List.of();
        }
    }

    /**
     * An npm package, installed ({@code node_modules/.../package.json}) or locked ({@code package-lock.json},
     * {@code npm-shrinkwrap.json}).
     *
     * @param installPath where npm puts it, relative to the project: "node_modules/send/node_modules/ms"
     * @param author      package.json's author, as written or as "name &lt;email&gt;"
     * @param resolved    the tarball it was installed from, when recorded
     * @param integrity   the Subresource Integrity hash of that tarball, when recorded
     * @param dev         needed only for development (the lockfile's "dev": true): policies may leave it out
     * @param optional    an optional dependency (the lockfile's "optional": true)
     */
    record Npm(String installPath, Optional<String> author, Optional<String> resolved, Optional<String> integrity,
               boolean dev, boolean optional) implements PackageMetadata {
        public Npm {
            Objects.requireNonNull(installPath);
            Objects.requireNonNull(author);
            Objects.requireNonNull(resolved);
            Objects.requireNonNull(integrity);
        }

        @Override
        public List<String> files() {
            return List.of();
        }
    }

    /**
     * A Maven artifact found in a Java archive (.jar, .war, .ear, ..., nested ones included). The package name is
     * "groupId:artifactId".
     *
     * @param groupId       the group id (Maven package URLs need one)
     * @param artifactId    the artifact id
     * @param identifiedBy  what named the artifact
     * @param pomProperties the pom.properties entry inside the archive that named it (several in shaded jars)
     * @param sha1          SHA-1 of the archive's bytes, lower-case hex (what Maven Central indexes)
     * @param vendor        Implementation-Vendor, else Bundle-Vendor, of the archive's manifest
     */
    record Java(String groupId, String artifactId, IdentifiedBy identifiedBy, Optional<String> pomProperties,
                String sha1, Optional<String> vendor) implements PackageMetadata {
        /** Where the coordinates came from, most reliable first. */
        public enum IdentifiedBy {
            /** META-INF/maven/.../pom.properties, written by Maven itself. */
            POM_PROPERTIES,
            /** MANIFEST.MF's version and title, the group taken from the manifest or the class packages. */
            MANIFEST,
            /** The file name "artifact-version.jar", the group taken from the manifest or the class packages. */
            FILE_NAME
        }

        public Java {
            Objects.requireNonNull(groupId);
            Objects.requireNonNull(artifactId);
            Objects.requireNonNull(identifiedBy);
            Objects.requireNonNull(pomProperties);
            Objects.requireNonNull(sha1);
            Objects.requireNonNull(vendor);
        }

        @Override
        public List<String> files() {
            return List.of();
        }
    }

    /**
     * A package that a lockfile, manifest or build record names rather than an installed copy describes: yarn.lock,
     * pnpm-lock.yaml, requirements.txt, poetry.lock, Pipfile.lock, uv.lock, pom.xml, gradle.lockfile, go.mod,
     * Cargo.lock, composer.lock, Gemfile.lock, an installed gemspec, *.deps.json, packages.lock.json, the dependency
     * list that cargo-auditable embeds in a binary.
     *
     * @param format   what named it, as its file is called ("yarn.lock", "poetry.lock", "cargo-auditable", ...)
     * @param dev      needed only for development or tests (dev dependencies, test scope): policies may leave it out
     * @param relation whether the project asks for it itself or another package pulls it in, when the format says
     * @param resolved where it was fetched from (a registry URL, a git commit, a path), when recorded
     * @param checksum the checksum or integrity hash the file records for it, as written
     */
    record Declared(String format, boolean dev, Relation relation, Optional<String> resolved,
                    Optional<String> checksum) implements PackageMetadata {
        /** How the project came to depend on a package. */
        public enum Relation {
            /** The project's own manifest names it. */
            DIRECT,
            /** Another package depends on it. */
            TRANSITIVE,
            /** The format does not tell. */
            UNKNOWN
        }

        public Declared {
            Objects.requireNonNull(format);
            Objects.requireNonNull(relation);
            Objects.requireNonNull(resolved);
            Objects.requireNonNull(checksum);
        }

        @Override
        public List<String> files() {
            return List.of();
        }
    }

    /**
     * A Go module compiled into a binary, or the Go standard library it was linked with, from the build information
     * the Go toolchain embeds (Go 1.18 and later; {@code go version -m} prints it). The package name is the module
     * path ("github.com/sirupsen/logrus"), or "stdlib" with the toolchain's version ("1.19.8").
     *
     * @param role        what the module is to the binary
     * @param binaryPath  the main package's import path ("github.com/containers/skopeo/cmd/skopeo")
     * @param toolchain   the Go version that built the binary, as embedded ("go1.19.8")
     * @param replacement the module that replaced this one ("path version", or a local directory), if any
     * @param sum         the go.sum hash ("h1:..."), when recorded
     */
    record GoBuild(Role role, String binaryPath, String toolchain, Optional<String> replacement,
                   Optional<String> sum) implements PackageMetadata {
        /** The module's part in the build. */
        public enum Role {
            /** The module holding the main package. */
            MAIN,
            /** A module the main module depends on. */
            DEPENDENCY,
            /** The Go standard library, versioned by the toolchain. */
            STDLIB
        }

        public GoBuild {
            Objects.requireNonNull(role);
            Objects.requireNonNull(binaryPath);
            Objects.requireNonNull(toolchain);
            Objects.requireNonNull(replacement);
            Objects.requireNonNull(sum);
        }

        @Override
        public List<String> files() {
            return List.of();
        }
    }
}
