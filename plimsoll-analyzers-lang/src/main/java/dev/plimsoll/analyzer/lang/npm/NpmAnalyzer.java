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
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.CharConversionException;
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
import java.util.TreeMap;

/**
 * npm packages: installed ones from {@code node_modules/NAME/package.json} and {@code node_modules/@SCOPE/NAME/
 * package.json} at any depth (pnpm's {@code node_modules/.pnpm/NAME@VERSION/node_modules/NAME} included), and locked
 * ones from {@code package-lock.json} and {@code npm-shrinkwrap.json} (versions 1 to 3), {@code yarn.lock} (Yarn 1
 * and Yarn Berry) and {@code pnpm-lock.yaml} (lockfileVersion 5.x, 6.x and 9.x).
 *
 * <p>What is installed wins, and each package is reported once per copy, with every file that names it as a
 * location:
 * <ul>
 *   <li>A package-lock entry whose package is installed at the path it names adds its facts (dev, optional, where
 *       it came from) and its location to that package. A yarn.lock or pnpm-lock.yaml entry has no install path: it
 *       adds its facts and location to every copy of the same name and version installed in (or, failing that,
 *       named by the package-lock of) the same project.
 *   <li>A project with a node_modules tree beside its lockfile has exactly the packages of that tree, so lockfile
 *       entries it lacks (dev dependencies left out by {@code npm ci --omit=dev}) are not reported; a project
 *       without one (a source checkout, Yarn Plug'n'Play) is described by its lockfiles, several of which naming the
 *       same name and version give one package.
 *   <li>Metadata: an installed package, or one only a package-lock names, keeps the {@link PackageMetadata.Npm}
 *       record (its dev flag then comes from the lockfiles); a package only a yarn.lock or pnpm-lock.yaml names gets
 *       a {@link PackageMetadata.Declared} record with that file's name as format. A package is dev only if every
 *       lockfile naming it says so.
 *   <li>Dev: package-lock and pnpm 5/6 record it; pnpm 9 and Yarn Berry record importers (the project's and its
 *       workspaces' own dependencies), Yarn 1 none. Where the file does not record it, dev is derived as Trivy does,
 *       walking the lock's dependency graph from the importers' production and dev dependencies: reachable from a
 *       production dependency, not dev; reachable only from dev dependencies, dev. The project's package.json (and
 *       its workspaces') tells production from dev dependencies for Yarn; without it, dev stays false and the
 *       relation (direct or transitive) is unknown for Yarn 1.
 *   <li>Workspaces and linked folders are the project's own code, not dependencies: npm's link entries and symbolic
 *       links in node_modules, Yarn's "workspace:", "link:", "portal:" and folder "file:" entries, pnpm's "link:"
 *       dependencies and "directory" packages are not reported (their own dependencies are), nor is a copy of one
 *       installed where the lockfile would have linked it (npm: the link's path; Yarn and pnpm: node_modules/NAME).
 * </ul>
 * Lockfiles inside node_modules are those of published packages, which package managers ignore, and so are they
 * here. The project's own package.json (outside node_modules) is the thing scanned, not a dependency: it is read
 * only to tell Yarn's dev dependencies apart.
 */
public final class NpmAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/npm");

    private static final String NODE_MODULES = "/node_modules/";
    private static final String PACKAGE_JSON = "package.json";
    private static final String PACKAGE_LOCK = "package-lock.json";
    private static final String SHRINKWRAP = "npm-shrinkwrap.json";
    private static final String YARN_LOCK = "yarn.lock";
    private static final String PNPM_LOCK = "pnpm-lock.yaml";
    /** Lockfiles of large monorepos reach tens of MiB. */
    static final long MAX_BYTES = 128L * 1024 * 1024;
    private static final int MAX_MESSAGE_CHARS = 300;

    public NpmAnalyzer() {
        // Every package.json: installed packages', and projects' own, which tell Yarn's dev dependencies apart.
        super(ID, 2, Interests.of(PathInterest.basename(PACKAGE_JSON), PathInterest.basename(PACKAGE_LOCK),
                PathInterest.basename(SHRINKWRAP), PathInterest.basename(YARN_LOCK),
                PathInterest.basename(PNPM_LOCK)).withMaxBytes(MAX_BYTES));
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

    /** A yarn.lock or pnpm-lock.yaml. */
    private record GraphLock(FileMeta file, String project, LockGraph graph) {
    }

    /** A project's own package.json, or why it could not be read. */
    private record Manifest(FileMeta file, Optional<ProjectManifest> manifest, String error) {
    }

    @FunctionalInterface
    private interface GraphReader {
        LockGraph read(InputStream in) throws IOException;
    }

    private static final class NpmSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        /** By absolute package directory ("/app/node_modules/send/node_modules/ms"). */
        private final Map<String, Installed> installed = new HashMap<>();
        private final List<Lock> locks = new ArrayList<>();
        private final List<GraphLock> graphLocks = new ArrayList<>();
        /** By directory ("/app"). */
        private final Map<String, Manifest> manifests = new HashMap<>();
        /** Broken manifests already reported. */
        private final Set<String> reportedManifests = new HashSet<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            String name = meta.basename();
            boolean inNodeModules = meta.path().contains(NODE_MODULES);
            if (name.equals(PACKAGE_JSON)) {
                if (inNodeModules) {
                    acceptPackageJson(file);
                } else {
                    acceptManifest(file);
                }
            } else if (inNodeModules) {
                return;
            } else if (name.equals(PACKAGE_LOCK) || name.equals(SHRINKWRAP)) {
                acceptLock(file);
            } else if (name.equals(YARN_LOCK)) {
                acceptGraphLock(file, YarnLock::read);
            } else if (name.equals(PNPM_LOCK)) {
                acceptGraphLock(file, PnpmLock::read);
            }
        }

        private void acceptPackageJson(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            String dir = parentOf(meta);
            int nm = dir.indexOf(NODE_MODULES);
            if (nm < 0 || !isPackageRoot(dir)) {
                return; // a package.json inside a package (lib/package.json), not an installed package
            }
            PackageJson json;
            try (InputStream in = file.open()) {
                json = PackageJson.read(in);
            } catch (JsonProcessingException | CharConversionException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, jsonError(e, "JSON"));
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

        /** Kept quietly: only a yarn.lock beside it makes it matter, and only then is a broken one reported. */
        private void acceptManifest(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            try (InputStream in = file.open()) {
                manifests.put(parentOf(meta), new Manifest(meta, Optional.of(ProjectManifest.read(in)), ""));
            } catch (JsonProcessingException | CharConversionException e) {
                manifests.put(parentOf(meta), new Manifest(meta, Optional.empty(), jsonError(e, "JSON")));
            } catch (MalformedJsonException e) {
                manifests.put(parentOf(meta), new Manifest(meta, Optional.empty(),
                        "line " + e.line() + ": " + e.getMessage()));
            }
        }

        private void acceptLock(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            PackageLock lock;
            try (InputStream in = file.open()) {
                lock = PackageLock.read(in);
            } catch (JsonProcessingException | CharConversionException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, jsonError(e, "JSON") + "; its packages are not read");
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
            locks.add(new Lock(meta, parentOf(meta), lock));
        }

        private void acceptGraphLock(FileEntry file, GraphReader reader) throws IOException {
            FileMeta meta = file.meta();
            LockGraph graph;
            try (InputStream in = file.open()) {
                graph = reader.read(in);
            } catch (JsonProcessingException | CharConversionException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, jsonError(e, "YAML") + "; its packages are not read");
                return;
            } catch (LockfileException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, (e.line() > 0 ? "line " + e.line() + ": " : "")
                        + e.getMessage() + "; its packages are not read");
                return;
            }
            graph.unsupported().forEach(note -> problems.add(ProblemKind.UNSUPPORTED, meta,
                    note + ": read as the nearest known layout, may be incomplete"));
            graph.faults().forEach(f -> problems.add(ProblemKind.MALFORMED_FILE, meta,
                    "line " + f.line() + ": " + f.message()));
            if (graph.truncated()) {
                problems.add(ProblemKind.LIMIT_EXCEEDED, meta, "more than " + LockGraph.MAX_NODES
                        + " entries or " + LockGraph.MAX_EDGES + " dependencies: the rest is not read");
            }
            graphLocks.add(new GraphLock(meta, parentOf(meta), graph));
        }

        @Override
        public AnalyzerOutput finish() {
            NpmInventory inventory = new NpmInventory();
            installed.values().forEach(i -> inventory.installed(i.file(), i.project(), i.installPath(), i.json()));
            for (Lock lock : preferredLocks()) {
                inventory.npmLock(lock.file(), lock.project(), lock.lock());
            }
            List<GraphLock> sorted = new ArrayList<>(graphLocks);
            sorted.sort(Comparator.comparing(l -> l.file().path()));
            for (GraphLock lock : sorted) {
                declare(inventory, lock);
            }
            return AnalyzerOutput.packages(inventory.packages(), problems.problems());
        }

        private void declare(NpmInventory inventory, GraphLock lock) {
            LockGraph graph = lock.graph();
            Set<String> ownNames = new HashSet<>(graph.ownNames());
            List<LockGraph.Importer> extra = new ArrayList<>();
            if (graph.importers().isEmpty() && graph.format().equals(YarnLock.FORMAT)) {
                extra.addAll(yarnV1Importers(lock, ownNames));
            }
            List<LockGraph.Locked> packages = graph.packages(extra, (path, dependency) ->
                    manifest(lock, path).map(m -> m.scopeOf(dependency)).orElse(LockGraph.Scope.PROD));
            inventory.declaredLock(lock.file(), lock.project(), graph.format(), packages, ownNames);
        }

        /**
         * Yarn 1 records no importers: they are the project's package.json and its workspaces' (the folders its
         * "workspaces" globs match), each dependency naming the entry keyed "name@range".
         */
        private List<LockGraph.Importer> yarnV1Importers(GraphLock lock, Set<String> ownNames) {
            Optional<ProjectManifest> root = manifest(lock, ".");
            if (root.isEmpty()) {
                return List.of();
            }
            List<LockGraph.Importer> importers = new ArrayList<>();
            importers.add(importer(lock.graph(), ".", root.get()));
            if (!root.get().workspaces().isEmpty()) {
                String prefix = lock.project() + "/";
                List<String> dirs = new ArrayList<>(manifests.keySet());
                dirs.sort(Comparator.naturalOrder());
                for (String dir : dirs) {
                    String relative = dir.startsWith(prefix) ? dir.substring(prefix.length()) : null;
                    if (relative == null || !root.get().hasWorkspace(relative)) {
                        continue;
                    }
                    Optional<ProjectManifest> workspace = manifest(lock, relative);
                    workspace.ifPresent(w -> {
                        w.name().ifPresent(ownNames::add);
                        importers.add(importer(lock.graph(), relative, w));
                    });
                }
            }
            return importers;
        }

        private static LockGraph.Importer importer(LockGraph graph, String path, ProjectManifest manifest) {
            List<LockGraph.Root> roots = new ArrayList<>();
            Map<String, String> all = new TreeMap<>(manifest.devDependencies());
            all.putAll(manifest.dependencies());
            all.forEach((name, range) -> graph.node(name + "@" + range)
                    .ifPresent(node -> roots.add(new LockGraph.Root(name, node, manifest.scopeOf(name)))));
            return new LockGraph.Importer(path, roots);
        }

        /** The package.json of the folder {@code path} relative to the lockfile's; a broken one is reported once. */
        private Optional<ProjectManifest> manifest(GraphLock lock, String path) {
            Optional<String> dir = resolve(lock.project(), path);
            Manifest m = dir.map(manifests::get).orElse(null);
            if (m == null) {
                return Optional.empty();
            }
            if (m.manifest().isEmpty() && reportedManifests.add(m.file().path())) {
                problems.add(ProblemKind.MALFORMED_FILE, m.file(), m.error() + "; dev dependencies of "
                        + lock.file().path() + " are not told apart");
            }
            return m.manifest();
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

    private static String parentOf(FileMeta meta) {
        String path = meta.path();
        return path.substring(0, path.length() - meta.basename().length() - 1);
    }

    /**
     * {@code relative} ("packages/tool", ".", "./a/../b") under {@code base}, lexically; empty if it leaves
     * {@code base}: a lockfile names folders of its own project only.
     */
    static Optional<String> resolve(String base, String relative) {
        List<String> segments = new ArrayList<>();
        for (String s : relative.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(s);
            }
        }
        return Optional.of(segments.isEmpty() ? base : base + "/" + String.join("/", segments));
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

    /**
     * A parse error as a problem text. Jackson guesses UTF-16 or UTF-32 from a file's first bytes and reports bytes
     * that break the guess as a CharConversionException, which carries no location.
     */
    private static String jsonError(IOException e, String language) {
        JsonProcessingException parse = e instanceof JsonProcessingException j ? j : null;
        int line = parse == null || parse.getLocation() == null ? 0 : parse.getLocation().getLineNr();
        return (line > 0 ? "line " + line + ": " : "") + "not valid " + language + ": "
                + oneLine(String.valueOf(parse == null ? e.getMessage() : parse.getOriginalMessage()));
    }

    /** A parser's message on one line (SnakeYAML's quote the text around the error over several) and bounded. */
    private static String oneLine(String message) {
        String s = message.replaceAll("\\s+", " ").replace(" in 'reader',", ",").strip();
        return s.length() > MAX_MESSAGE_CHARS ? s.substring(0, MAX_MESSAGE_CHARS) + "…" : s;
    }
}
