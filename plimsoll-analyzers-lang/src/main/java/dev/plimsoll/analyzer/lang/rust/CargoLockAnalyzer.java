package dev.plimsoll.analyzer.lang.rust;

import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.DeclaredAnalyzer;
import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.Declared;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The crates a Cargo.lock pins ({@link CargoLock}, versions 1 to 4). Packages with a source (a registry or a git
 * repository) are the dependencies; those without one are the workspace's own crates and path dependencies, part
 * of the project rather than something it depends on, and are not reported. A dependency that one of those names
 * is DIRECT, any other TRANSITIVE. Cargo.lock does not say which dependencies serve only tests, examples or build
 * scripts, so none is marked dev.
 *
 * <p>Lockfiles inside Cargo's own caches ({@code .cargo/registry}, {@code .cargo/git}) are those of downloaded
 * crates, which Cargo ignores when building something else, and so are they here.
 */
public final class CargoLockAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/cargo-lock");

    static final String CARGO_LOCK = "Cargo.lock";
    static final String FORMAT = "Cargo.lock";
    /** The lockfile versions known here; a later one is read as these are, and said to be. */
    static final int NEWEST_VERSION = 4;
    /** Large workspaces' lockfiles reach a few hundred KiB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    public CargoLockAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.basename(CARGO_LOCK)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new CargoLockSession();
    }

    static boolean isInCargoCache(String path) {
        return path.contains("/.cargo/registry/") || path.contains("/.cargo/git/");
    }

    private static final class CargoLockSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Package> packages = new ArrayList<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent() || isInCargoCache(meta.path())) {
                return;
            }
            CargoLock lock;
            try {
                lock = CargoLock.parse(UntrustedText.decode(file.readAllBytes()));
            } catch (TomlException e) {
                problems.add(e.kind(), meta, "line " + e.line() + ": " + e.getMessage()
                        + "; its packages are not read");
                return;
            }
            lock.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
            lock.version().ifPresent(v -> {
                if (v < 1 || v > NEWEST_VERSION) {
                    problems.add(ProblemKind.UNSUPPORTED, meta, "lockfile version " + v + ", not one of 1 to "
                            + NEWEST_VERSION + ": read as those are, may be incomplete");
                }
            });
            Set<CargoLock.Entry> direct = direct(lock);
            boolean hasWorkspace = lock.packages().stream().anyMatch(e -> e.source().isEmpty());
            for (CargoLock.Entry e : lock.packages()) {
                if (e.source().isEmpty()) {
                    continue;
                }
                if (!Texts.isToken(e.name()) || !Texts.isToken(e.version())) {
                    problems.malformed(meta, e.line(), "not a crate name and version: \""
                            + UntrustedText.excerpt(e.name()) + "\" \"" + UntrustedText.excerpt(e.version()) + "\"");
                    continue;
                }
                Declared.Relation relation = !hasWorkspace ? Declared.Relation.UNKNOWN
                        : direct.contains(e) ? Declared.Relation.DIRECT : Declared.Relation.TRANSITIVE;
                packages.add(new Package(e.name(), e.version(), Ecosystem.CARGO, Optional.empty(),
                        List.of(), List.of(Location.of(meta.path(), meta.layer()).atLine(e.line())),
                        Optional.of(meta.layer()), ID,
                        new Declared(FORMAT, false, relation, e.source(), e.checksum())));
            }
        }

        /**
         * The packages that the workspace's own crates name among their dependencies. Each distinct reference is
         * resolved once, through maps, so that a crafted lockfile cannot make this quadratic.
         */
        private static Set<CargoLock.Entry> direct(CargoLock lock) {
            Set<String> references = new HashSet<>();
            lock.packages().stream().filter(e -> e.source().isEmpty()).forEach(e -> references.addAll(e.dependencies()));
            Map<String, List<CargoLock.Entry>> byName = new HashMap<>();
            Map<String, List<CargoLock.Entry>> byNameAndVersion = new HashMap<>();
            for (CargoLock.Entry e : lock.packages()) {
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
                byNameAndVersion.computeIfAbsent(e.name() + " " + e.version(), k -> new ArrayList<>()).add(e);
            }
            // By identity: an entry's hash would walk its dependency list.
            Set<CargoLock.Entry> direct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (String reference : references) {
                // "NAME", "NAME VERSION" or "NAME VERSION (SOURCE)"
                String[] parts = reference.split(" ", 3);
                if (parts.length == 1) {
                    direct.addAll(byName.getOrDefault(parts[0], List.of()));
                    continue;
                }
                String source = parts.length == 3 && parts[2].startsWith("(") && parts[2].endsWith(")")
                        ? parts[2].substring(1, parts[2].length() - 1) : null;
                for (CargoLock.Entry e : byNameAndVersion.getOrDefault(parts[0] + " " + parts[1], List.of())) {
                    if (source == null || e.source().map(source::equals).orElse(false)) {
                        direct.add(e);
                    }
                }
            }
            return direct;
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> sorted = new ArrayList<>(packages);
            sorted.sort(Comparator.comparing((Package p) -> p.locations().get(0).path())
                    .thenComparing(p -> p.locations().get(0).line().orElse(0)));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }
    }
}
