package dev.plimsoll.analyzer.lang.php;

import dev.plimsoll.analyzer.lang.FormatException;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.DeclaredAnalyzer;
import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PHP packages managed by Composer: locked ones from {@code composer.lock} and installed ones from
 * {@code VENDOR/composer/installed.json} (Composer 1 and 2).
 *
 * <p>As for npm, what is installed wins. A project whose vendor directory ("vendor" beside its composer.lock) holds an
 * installed.json has exactly the packages listed there, each reported once: a lock entry of the same name and version
 * adds its location and its dev flag. Locked packages that are not installed ({@code composer install --no-dev})
 * are not reported; a project without a vendor tree (a source checkout) is described by its composer.lock. Lockfiles
 * that packages ship (vendor/VENDOR/NAME/composer.lock) are ignored, as Composer ignores them.
 *
 * <p>Composer records no direct/transitive distinction in these files, so the relation is unknown.
 */
public final class ComposerAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/composer");

    static final String LOCK = "composer.lock";
    static final String INSTALLED = "installed.json";
    private static final String INSTALLED_SUFFIX = "/composer/" + INSTALLED;
    /** Large Symfony or Drupal projects write lockfiles of a few MiB; this leaves ample room. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The lockfile of an installed package: vendor/VENDOR/NAME/composer.lock. */
    private static final Pattern DEPENDENCY_LOCK = Pattern.compile(".*/vendor/[^/]+/[^/]+/" + LOCK);

    public ComposerAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.basename(LOCK), PathInterest.glob("/**" + INSTALLED_SUFFIX))
                .withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new ComposerSession();
    }

    /** A parsed file and the project directory it describes (null: an installed.json of a custom vendor dir). */
    private record Read(FileMeta file, String project, ComposerFile contents) {
    }

    private static final class ComposerSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final Map<String, Read> locks = new HashMap<>();
        private final List<Read> installed = new ArrayList<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            String path = meta.path();
            boolean isLock = meta.basename().equals(LOCK);
            if (isLock && DEPENDENCY_LOCK.matcher(path).matches()) {
                return;
            }
            if (!isLock && !path.endsWith(INSTALLED_SUFFIX)) {
                return;
            }
            ComposerFile contents;
            try {
                byte[] bytes = file.readAllBytes();
                contents = isLock ? ComposerFile.readLock(bytes) : ComposerFile.readInstalled(bytes);
            } catch (FormatException e) {
                problems.add(e.limit() ? ProblemKind.LIMIT_EXCEEDED : ProblemKind.MALFORMED_FILE, meta,
                        e.describe() + "; its packages are not read");
                return;
            }
            contents.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
            if (isLock) {
                locks.put(parent(path), new Read(meta, parent(path), contents));
            } else {
                installed.add(new Read(meta, projectOfVendor(path), contents));
            }
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> packages = new ArrayList<>();
            Map<String, Read> unmatchedLocks = new HashMap<>(locks);
            for (Read inst : installed) {
                Read lock = inst.project() == null ? null : unmatchedLocks.remove(inst.project());
                Map<String, ComposerFile.Entry> locked = new HashMap<>();
                if (lock != null) {
                    lock.contents().entries().forEach(e -> locked.putIfAbsent(key(e.name()), e));
                }
                for (ComposerFile.Entry e : inst.contents().entries()) {
                    ComposerFile.Entry l = locked.get(key(e.name()));
                    boolean sameVersion = l != null && l.version().equals(e.version());
                    packages.add(sameVersion ? merged(inst.file(), e, lock.file(), l) : alone(inst.file(), e));
                }
            }
            unmatchedLocks.values().forEach(lock -> lock.contents().entries()
                    .forEach(e -> packages.add(alone(lock.file(), e))));
            packages.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> p.locations().get(0).path())
                    .thenComparingInt(p -> p.locations().get(0).line().orElse(0)));
            return AnalyzerOutput.packages(packages, problems.problems());
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** The project whose "vendor" directory holds composer/installed.json; null for a vendor dir of another name. */
    static String projectOfVendor(String installedPath) {
        String vendor = installedPath.substring(0, installedPath.length() - INSTALLED_SUFFIX.length());
        if (!vendor.endsWith("/vendor")) {
            return null;
        }
        String project = vendor.substring(0, vendor.length() - "/vendor".length());
        return project.isEmpty() ? "/" : project;
    }

    private static Location location(FileMeta file, ComposerFile.Entry e) {
        return Location.of(file.path(), file.layer()).atLine(e.line());
    }

    private static String format(FileMeta file) {
        return file.basename().equals(LOCK) ? LOCK : INSTALLED;
    }

    private static Package alone(FileMeta file, ComposerFile.Entry e) {
        return new Package(e.name(), e.version(), Ecosystem.COMPOSER, Optional.empty(), e.licenses(),
                List.of(location(file, e)), Optional.of(file.layer()), ID,
                new PackageMetadata.Declared(format(file), e.dev(), Relation.UNKNOWN, e.resolved(), e.checksum()));
    }

    /** An installed package with what its lock entry adds: its location, dev flag and provenance where missing. */
    private static Package merged(FileMeta installedFile, ComposerFile.Entry installed, FileMeta lockFile,
                                  ComposerFile.Entry locked) {
        PackageMetadata.Declared declared = new PackageMetadata.Declared(INSTALLED, installed.dev() || locked.dev(),
                Relation.UNKNOWN, installed.resolved().or(locked::resolved),
                installed.checksum().or(locked::checksum));
        return new Package(installed.name(), installed.version(), Ecosystem.COMPOSER, Optional.empty(),
                installed.licenses().isEmpty() ? locked.licenses() : installed.licenses(),
                List.of(location(installedFile, installed), location(lockFile, locked)),
                Optional.of(installedFile.layer()), ID, declared);
    }
}
