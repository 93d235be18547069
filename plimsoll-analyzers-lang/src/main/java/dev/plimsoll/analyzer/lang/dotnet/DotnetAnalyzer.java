package dev.plimsoll.analyzer.lang.dotnet;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * NuGet packages of .NET applications: those a built or published application runs with, from its
 * {@code APP.deps.json} (the shared frameworks' own deps.json files included), and those a project restores, from
 * NuGet's {@code packages.lock.json} (versions 1 and 2). Package ids are kept as written; NuGet compares them
 * case-insensitively, and so does the merging of one file's entries here.
 *
 * <p>Neither file says which packages serve development only (PrivateAssets analyzers and build tools are listed like
 * the rest), so none is marked dev. deps.json's "serviceable" flag has no place in the model and is not reported.
 */
public final class DotnetAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/dotnet");

    static final String DEPS_JSON = ".deps.json";
    static final String PACKAGES_LOCK = "packages.lock.json";
    /** deps.json files of large applications reach a few MiB. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    public DotnetAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.suffix(DEPS_JSON), PathInterest.basename(PACKAGES_LOCK))
                .withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new DotnetSession();
    }

    private static final class DotnetSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Package> packages = new ArrayList<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            String name = meta.basename();
            try {
                if (name.equals(PACKAGES_LOCK)) {
                    acceptLock(meta, PackagesLock.read(file.readAllBytes()));
                } else if (name.endsWith(DEPS_JSON) && name.length() > DEPS_JSON.length()) {
                    String app = name.substring(0, name.length() - DEPS_JSON.length());
                    acceptDeps(meta, DepsJson.read(file.readAllBytes(), app));
                }
            } catch (FormatException e) {
                problems.add(e.limit() ? ProblemKind.LIMIT_EXCEEDED : ProblemKind.MALFORMED_FILE, meta,
                        e.describe() + "; its packages are not read");
            }
        }

        private void acceptDeps(FileMeta meta, DepsJson deps) {
            deps.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
            for (DepsJson.Entry e : deps.entries()) {
                packages.add(nuget(meta, "deps.json", e.id(), e.version(), e.relation(), e.sha512(), e.line()));
            }
        }

        private void acceptLock(FileMeta meta, PackagesLock lock) {
            if (lock.version() != 1 && lock.version() != 2) {
                problems.add(ProblemKind.UNSUPPORTED, meta, "version " + (lock.version() == 0 ? "missing"
                        : lock.version()) + ", not 1 or 2: read as version 2, may be incomplete");
            }
            lock.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
            // Each target framework (and runtime) lists the package again: one package, the strongest relation.
            Map<String, List<PackagesLock.Entry>> byIdVersion = new LinkedHashMap<>();
            for (PackagesLock.Entry e : lock.entries()) {
                byIdVersion.computeIfAbsent(e.id().toLowerCase(Locale.ROOT) + "/" + e.resolved(),
                        k -> new ArrayList<>()).add(e);
            }
            for (List<PackagesLock.Entry> same : byIdVersion.values()) {
                PackagesLock.Entry first = same.get(0);
                Relation relation = strongest(same.stream().map(PackagesLock.Entry::relation).toList());
                Optional<String> hash = same.stream().flatMap(e -> e.contentHash().stream()).findFirst();
                packages.add(nuget(meta, PACKAGES_LOCK, first.id(), first.resolved(), relation, hash, first.line()));
            }
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> sorted = new ArrayList<>(packages);
            sorted.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> p.locations().get(0).path())
                    .thenComparingInt(p -> p.locations().get(0).line().orElse(0)));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }
    }

    /** Direct for any target makes the package direct; transitive beats not knowing. */
    static Relation strongest(List<Relation> relations) {
        if (relations.contains(Relation.DIRECT)) {
            return Relation.DIRECT;
        }
        return relations.contains(Relation.TRANSITIVE) ? Relation.TRANSITIVE : Relation.UNKNOWN;
    }

    private static Package nuget(FileMeta file, String format, String id, String version, Relation relation,
                                 Optional<String> checksum, int line) {
        return new Package(id, version, Ecosystem.NUGET, Optional.empty(), List.of(),
                List.of(Location.of(file.path(), file.layer()).atLine(line)), Optional.of(file.layer()), ID,
                new PackageMetadata.Declared(format, false, relation, Optional.empty(), checksum));
    }
}
