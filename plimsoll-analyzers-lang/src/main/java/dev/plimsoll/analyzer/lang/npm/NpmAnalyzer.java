package dev.plimsoll.analyzer.lang.npm;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * npm packages: installed ones from {@code node_modules/NAME/package.json} and {@code node_modules/@SCOPE/NAME/
 * package.json} at any depth, and locked ones from {@code package-lock.json} and {@code npm-shrinkwrap.json}
 * (versions 1 to 3).
 *
 * <p>What is installed wins. A lockfile entry whose package is installed at the path it names adds its facts (dev,
 * optional, where it came from) and its location to that package. A project with a node_modules tree beside its
 * lockfile has exactly the packages of that tree, so lockfile entries it lacks (dev dependencies left out by
 * {@code npm ci --omit=dev}) are not reported; a project without one (a source checkout) is described by its
 * lockfile. Lockfiles inside node_modules are those of published packages, which npm ignores, and so are they here.
 * The project's own package.json (outside node_modules) is the thing scanned, not a dependency.
 */
public final class NpmAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/npm");

    private static final String NODE_MODULES = "/node_modules/";
    private static final String PACKAGE_JSON = "package.json";
    private static final String PACKAGE_LOCK = "package-lock.json";
    private static final String SHRINKWRAP = "npm-shrinkwrap.json";
    /** Lockfiles of large monorepos reach tens of MiB. */
    private static final long MAX_BYTES = 128L * 1024 * 1024;

    public NpmAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.glob("/**/node_modules/*/" + PACKAGE_JSON),
                PathInterest.glob("/**/node_modules/@*/*/" + PACKAGE_JSON), PathInterest.basename(PACKAGE_LOCK),
                PathInterest.basename(SHRINKWRAP)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new NpmSession();
    }

    /** An installed package and the project directory whose node_modules holds it. */
    private record Installed(FileMeta file, String project, String installPath, PackageJson json) {
    }

    private record Lock(FileMeta file, String project, PackageLock lock) {
    }

    private static final class NpmSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        /** By absolute package directory ("/app/node_modules/send/node_modules/ms"). */
        private final Map<String, Installed> installed = new HashMap<>();
        private final List<Lock> locks = new ArrayList<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            String name = meta.basename();
            if (name.equals(PACKAGE_JSON)) {
                acceptPackageJson(file);
            } else if ((name.equals(PACKAGE_LOCK) || name.equals(SHRINKWRAP)) && !meta.path().contains(NODE_MODULES)) {
                acceptLock(file);
            }
        }

        private void acceptPackageJson(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            String dir = meta.path().substring(0, meta.path().length() - PACKAGE_JSON.length() - 1);
            int nm = dir.indexOf(NODE_MODULES);
            if (nm < 0 || !isPackageRoot(dir)) {
                return; // a package.json inside a package (lib/package.json), not an installed package
            }
            PackageJson json;
            try (InputStream in = file.open()) {
                json = PackageJson.read(in);
            } catch (JsonProcessingException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, jsonError(e));
                return;
            } catch (MalformedJsonException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, "line " + e.line() + ": " + e.getMessage());
                return;
            }
            // Test fixtures shaped like packages (node_modules/x/test/node_modules/fixture/package.json) often
            // lack a name or version; npm would not have installed such a thing.
            if (json.name().isEmpty() || json.version().isEmpty()) {
                return;
            }
            installed.put(dir, new Installed(meta, dir.substring(0, nm), dir.substring(nm + 1), json));
        }

        private void acceptLock(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            PackageLock lock;
            try (InputStream in = file.open()) {
                lock = PackageLock.read(in);
            } catch (JsonProcessingException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, jsonError(e) + "; its packages are not read");
                return;
            } catch (MalformedJsonException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, "line " + e.line() + ": " + e.getMessage()
                        + "; its packages are not read");
                return;
            }
            if (lock.lockfileVersion() < 1 || lock.lockfileVersion() > 3) {
                problems.add(ProblemKind.UNSUPPORTED, meta, "lockfileVersion " + (lock.lockfileVersion() == 0
                        ? "missing" : lock.lockfileVersion()) + ", not one of 1, 2, 3: read as "
                        + (lock.entries().isEmpty() ? "no known layout, no packages" : "the known layouts")
                        + ", may be incomplete");
            }
            lock.faults().forEach(f -> problems.add(ProblemKind.MALFORMED_FILE, meta,
                    "line " + f.line() + ": " + f.message()));
            String path = meta.path();
            locks.add(new Lock(meta, path.substring(0, path.length() - meta.basename().length() - 1), lock));
        }

        @Override
        public AnalyzerOutput finish() {
            Map<String, Package> byDir = new HashMap<>();
            installed.forEach((dir, i) -> byDir.put(dir, installedPackage(i)));
            Set<String> projectsWithTree = new HashSet<>();
            installed.values().forEach(i -> projectsWithTree.add(i.project()));
            List<Package> lockOnly = new ArrayList<>();
            for (Lock lock : preferredLocks()) {
                boolean hasTree = projectsWithTree.contains(lock.project());
                for (PackageLock.Entry e : lock.lock().entries()) {
                    String dir = lock.project() + "/" + e.installPath();
                    Package present = byDir.get(dir);
                    if (present != null) {
                        if (present.name().equals(e.name()) && present.version().equals(e.version())) {
                            byDir.put(dir, withLockFacts(present, lock.file(), e));
                        }
                    } else if (!hasTree) {
                        lockOnly.add(lockedPackage(lock.file(), e));
                    }
                }
            }
            List<Package> all = new ArrayList<>(byDir.values());
            all.addAll(lockOnly);
            all.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> p.locations().get(0).path()));
            return AnalyzerOutput.packages(all, problems.problems());
        }

        /** npm reads npm-shrinkwrap.json instead of package-lock.json when a project has both. */
        private List<Lock> preferredLocks() {
            Set<String> shrinkwrapped = new HashSet<>();
            locks.forEach(l -> {
                if (l.file().basename().equals(SHRINKWRAP)) {
                    shrinkwrapped.add(l.project());
                }
            });
            List<Lock> preferred = new ArrayList<>();
            for (Lock l : locks) {
                if (l.file().basename().equals(SHRINKWRAP) || !shrinkwrapped.contains(l.project())) {
                    preferred.add(l);
                }
            }
            preferred.sort(Comparator.comparing(l -> l.file().path()));
            return preferred;
        }
    }

    /** Whether {@code dir} is node_modules/NAME or node_modules/@SCOPE/NAME (NAME not a dot directory). */
    static boolean isPackageRoot(String dir) {
        int nm = dir.lastIndexOf(NODE_MODULES);
        if (nm < 0) {
            return false;
        }
        String rest = dir.substring(nm + NODE_MODULES.length());
        int slash = rest.indexOf('/');
        if (rest.startsWith("@")) {
            return slash > 1 && slash < rest.length() - 1 && rest.indexOf('/', slash + 1) < 0
                    && rest.charAt(slash + 1) != '.';
        }
        return slash < 0 && !rest.isEmpty() && !rest.startsWith(".");
    }

    private static Package installedPackage(Installed i) {
        PackageJson json = i.json();
        PackageMetadata.Npm npm = new PackageMetadata.Npm(i.installPath(), json.author(), json.resolved(),
                json.integrity(), false, false);
        return new Package(json.name().orElseThrow(), json.version().orElseThrow(), Ecosystem.NPM, Optional.empty(),
                json.licenses(), List.of(Location.of(i.file().path(), i.file().layer())),
                Optional.of(i.file().layer()), ID, npm);
    }

    private static Package withLockFacts(Package p, FileMeta lockFile, PackageLock.Entry e) {
        PackageMetadata.Npm old = (PackageMetadata.Npm) p.metadata();
        PackageMetadata.Npm npm = new PackageMetadata.Npm(old.installPath(), old.author(),
                old.resolved().or(e::resolved), old.integrity().or(e::integrity), e.dev(), e.optional());
        List<Location> locations = new ArrayList<>(p.locations());
        locations.add(Location.of(lockFile.path(), lockFile.layer()).atLine(e.line()));
        return new Package(p.name(), p.version(), p.ecosystem(), p.source(),
                p.licenses().isEmpty() ? e.licenses() : p.licenses(), locations, p.introducedIn(), ID, npm);
    }

    private static Package lockedPackage(FileMeta lockFile, PackageLock.Entry e) {
        PackageMetadata.Npm npm = new PackageMetadata.Npm(e.installPath(), Optional.empty(), e.resolved(),
                e.integrity(), e.dev(), e.optional());
        return new Package(e.name(), e.version(), Ecosystem.NPM, Optional.empty(), e.licenses(),
                List.of(Location.of(lockFile.path(), lockFile.layer()).atLine(e.line())),
                Optional.of(lockFile.layer()), ID, npm);
    }

    private static String jsonError(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return (line > 0 ? "line " + line + ": " : "") + "not valid JSON: " + e.getOriginalMessage();
    }
}
