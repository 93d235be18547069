package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.PackageMetadata.Java.IdentifiedBy;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one archive file of the image and every archive nested in it, in memory and in place, and reports the Maven
 * artifacts they hold. Identity, per archive: every {@code META-INF/maven/.../pom.properties} (a shaded jar holds
 * one per artifact it bundles); without any, the manifest's version with the file name's or the manifest's title as
 * the artifact; else the file name "artifact-1.2.3.jar". An archive that names no version anywhere (a war of the
 * application's own code) is a container, not a package. Nested archives are named "outer.jar!/BOOT-INF/lib/x.jar".
 * Trouble with one archive (damaged, beyond a bound) is a problem naming it, and the others are still read.
 * Licences: those the artifact's own pom.xml (beside its pom.properties) declares, else, for an archive of one
 * artifact, its manifest's Bundle-License.
 */
final class ArchiveScanner {
    private final FileMeta file;
    private final ProblemLog problems;
    private final Consumer<Package> out;
    private final Budget budget;
    private final AnalyzerId component;

    /** An artifact found in one archive. */
    private record Found(Coordinates coordinates, IdentifiedBy by, Optional<String> pomProperties) {
    }

    private ArchiveScanner(FileMeta file, ArchiveLimits limits, ProblemLog problems, Consumer<Package> out,
                           AnalyzerId component) {
        this.file = file;
        this.problems = problems;
        this.out = out;
        this.budget = new Budget(limits);
        this.component = component;
    }

    /** Reads {@code source}, the content of {@code file}, and everything nested in it. */
    static void scan(FileMeta file, ByteSource source, ArchiveLimits limits, ProblemLog problems,
                     Consumer<Package> out, AnalyzerId component) {
        new ArchiveScanner(file, limits, problems, out, component).archive(source, file.path(), file.basename(), 0);
    }

    /** @return false when the whole file's budget is spent and nothing more should be read */
    private boolean archive(ByteSource source, String path, String fileName, int depth) {
        ArchiveContents contents = new ArchiveContents();
        try {
            ZipReader.readCentralDirectory(source, budget, contents::add);
        } catch (IOException e) {
            problem(e, path);
            return !(e instanceof ArchiveException a && a.kind() == ProblemKind.LIMIT_EXCEEDED);
        }
        identify(source, path, fileName, contents);
        for (ZipEntryInfo entry : contents.nested()) {
            String nestedPath = path + "!/" + entry.name();
            if (depth + 1 > budget.limits().maxDepth()) {
                problems.add(ProblemKind.LIMIT_EXCEEDED, file, nestedPath, "archives nested more than "
                        + budget.limits().maxDepth() + " deep; this one is not read");
                continue;
            }
            ByteSource inner;
            try {
                inner = open(source, entry);
            } catch (IOException e) {
                problem(e, nestedPath);
                continue;
            }
            if (!archive(inner, nestedPath, baseName(entry.name()), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A nested archive's bytes: a stored one is read in place (Spring Boot stores its libraries), a compressed one
     * is inflated into memory within the bounds.
     */
    private ByteSource open(ByteSource parent, ZipEntryInfo e) throws IOException {
        ZipReader.checkReadable(e);
        if (e.method() == ZipEntryInfo.STORED) {
            return new ByteSource.Slice(parent, ZipReader.dataStart(parent, e), e.compressedSize());
        }
        return new ByteSource.Bytes(ZipReader.readEntry(parent, e, budget.limits().maxNestedBytes(), budget));
    }

    private void identify(ByteSource source, String path, String fileName, ArchiveContents contents) {
        JarManifest manifest = JarManifest.empty();
        if (contents.manifest() != null) {
            try {
                manifest = JarManifest.parse(ZipReader.readEntry(source, contents.manifest(),
                        budget.limits().maxMetadataBytes(), budget));
            } catch (IOException e) {
                problem(e, path + "!/" + contents.manifest().name());
            }
        }
        List<Found> found = new ArrayList<>();
        Set<Coordinates> seen = new LinkedHashSet<>();
        for (ZipEntryInfo e : contents.pomProperties()) {
            try {
                Coordinates c = Coordinates.fromPomProperties(ZipReader.readEntry(source, e,
                        budget.limits().maxMetadataBytes(), budget));
                if (seen.add(c)) {
                    found.add(new Found(c, IdentifiedBy.POM_PROPERTIES, Optional.of(e.name())));
                }
            } catch (IOException ex) {
                problem(ex, path + "!/" + e.name());
            }
        }
        if (found.isEmpty()) {
            fromManifestOrName(manifest, fileName, contents.classPackage(), path).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            return;
        }
        String sha1;
        try {
            sha1 = sha1(source);
        } catch (IOException e) {
            problem(e, path);
            return;
        }
        // The manifest's vendor speaks for the archive's own artifact, so only when that is the one artifact found.
        JarManifest m = manifest;
        Optional<String> vendor = found.size() == 1
                ? m.get("Implementation-Vendor").or(() -> m.get("Bundle-Vendor")) : Optional.empty();
        List<String> manifestLicenses = found.size() == 1 ? m.licenses() : List.of();
        Location location = Location.of(path, file.layer());
        for (Found f : found) {
            Coordinates c = f.coordinates();
            List<String> licenses = f.pomProperties().flatMap(contents::pomXmlBeside)
                    .map(e -> pomLicenses(source, e, path)).orElse(List.of());
            out.accept(new Package(c.name(), c.version(), Ecosystem.MAVEN, Optional.empty(),
                    licenses.isEmpty() ? manifestLicenses : licenses,
                    List.of(location), Optional.of(file.layer()), component,
                    new PackageMetadata.Java(c.groupId(), c.artifactId(), f.by(), f.pomProperties(), sha1, vendor)));
        }
    }

    /**
     * Coordinates without pom.properties. The version: the manifest's Implementation-Version, else Bundle-Version,
     * else the file name's. The artifact: the file name's when its version agrees, else a one-word
     * Implementation-Title, else the file name without extension. The group: guessed
     * ({@link Coordinates#guessGroup}); a package URL needs one, so an archive that names an artifact and a version
     * but suggests no group is reported as a problem.
     */
    private Optional<Found> fromManifestOrName(JarManifest manifest, String fileName, String classPackage,
                                               String path) {
        Coordinates.FromName byName = Coordinates.fromFileName(fileName);
        Optional<String> manifestVersion = manifest.get("Implementation-Version")
                .or(() -> manifest.get("Bundle-Version")).filter(Texts::isToken);
        String artifact;
        String version;
        IdentifiedBy by;
        if (manifestVersion.isPresent()) {
            Optional<String> title = manifest.get("Implementation-Title").filter(Texts::isToken);
            boolean nameAgrees = byName.version().equals(manifestVersion);
            if (!nameAgrees && title.isEmpty() && byName.version().isPresent()) {
                // The name's version disagrees and the manifest names no artifact: the name is the better guess.
                artifact = byName.artifactId();
                version = byName.version().get();
                by = IdentifiedBy.FILE_NAME;
            } else {
                artifact = nameAgrees || title.isEmpty() ? byName.artifactId() : title.get();
                version = manifestVersion.get();
                by = IdentifiedBy.MANIFEST;
            }
        } else if (byName.version().isPresent()) {
            artifact = byName.artifactId();
            version = byName.version().get();
            by = IdentifiedBy.FILE_NAME;
        } else {
            return Optional.empty();
        }
        if (!Coordinates.isMavenId(artifact)) {
            return Optional.empty(); // a title or file name that cannot be an artifact id names nothing
        }
        Optional<String> group = Coordinates.guessGroup(manifest, artifact, classPackage);
        if (group.isEmpty()) {
            problems.add(ProblemKind.UNSUPPORTED, file, path, "names " + artifact + " " + version
                    + " but no Maven group (no pom.properties, and neither the manifest nor the class packages"
                    + " suggest one); not reported");
            return Optional.empty();
        }
        return Optional.of(new Found(new Coordinates(group.get(), artifact, version), by, Optional.empty()));
    }

    /**
     * The licences the pom.xml of an artifact declares: each {@code <license>}'s name, else its URL. Most poms
     * inherit theirs from a parent pom that the archive does not hold; then there are none here.
     */
    private List<String> pomLicenses(ByteSource source, ZipEntryInfo pom, String path) {
        try {
            return PomReader.read(ZipReader.readEntry(source, pom, budget.limits().maxMetadataBytes(), budget))
                    .licenses().stream().map(l -> l.name().or(l::url)).flatMap(Optional::stream)
                    .filter(l -> !l.contains("${")).distinct().toList();
        } catch (IOException e) {
            problem(e, path + "!/" + pom.name());
        } catch (PomException e) {
            problems.add(e.kind(), file, path + "!/" + pom.name(), e.describe() + "; its licences are not read");
        }
        return List.of();
    }

    private static String sha1(ByteSource source) throws IOException {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = source.openAt(0)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha1.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private void problem(IOException e, String path) {
        ProblemKind kind = e instanceof ArchiveException a ? a.kind() : ProblemKind.MALFORMED_FILE;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        problems.add(kind, file, path, message);
    }

    private static String baseName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }
}
