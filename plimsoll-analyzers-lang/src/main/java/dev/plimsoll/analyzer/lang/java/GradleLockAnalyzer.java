package dev.plimsoll.analyzer.lang.java;

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
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Modules locked by Gradle's dependency locking ({@link GradleLockfile}): a project's {@code gradle.lockfile}, and
 * the per-configuration files of {@code gradle/dependency-locks/} that Gradle wrote before 6.4. The legacy files of
 * one directory describe one project and are merged: a module is reported once, with every file that lists it,
 * as a {@code gradle.lockfile} reports it once with all its configurations. A module is {@code dev} when only test
 * configurations resolve it ({@link GradleLockfile#testOnly}). Lock files of the build script's own classpath
 * ({@code buildscript-gradle.lockfile}, legacy {@code buildscript-*.lockfile}) lock the build's plugins, not the
 * project's dependencies, and are not read. A lock file lists what the configurations resolve, direct and
 * transitive alike, without telling which is which.
 */
public final class GradleLockAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/gradle-lock");

    private static final String LOCKFILE = "gradle.lockfile";
    private static final String LEGACY_DIR = "/gradle/dependency-locks/";
    private static final String LEGACY_SUFFIX = ".lockfile";
    private static final String BUILDSCRIPT = "buildscript-";
    private static final String FORMAT = "gradle.lockfile";
    /** A lock file of a large build locks a few thousand modules: a few hundred KiB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    public GradleLockAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.basename(LOCKFILE),
                PathInterest.glob("/**" + LEGACY_DIR + "*" + LEGACY_SUFFIX)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new LockSession();
    }

    /** A module as one project locks it: its configurations and the lines that lock it. */
    private static final class Locked {
        final Set<String> configurations = new LinkedHashSet<>();
        final List<Location> locations = new ArrayList<>();
        FileMeta first;
    }

    private static final class LockSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        /** By project (the lock file's path, or the legacy directory), then "group:module:version". */
        private final Map<String, Map<String, Locked>> projects = new TreeMap<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            String path = meta.path();
            String name = meta.basename();
            GradleLockfile lock;
            String project;
            if (name.equals(LOCKFILE)) {
                lock = GradleLockfile.parse(file.readAllBytes());
                project = path;
            } else if (path.contains(LEGACY_DIR) && name.endsWith(LEGACY_SUFFIX) && !name.startsWith(BUILDSCRIPT)
                    && name.length() > LEGACY_SUFFIX.length()) {
                lock = GradleLockfile.parseLegacy(file.readAllBytes(),
                        name.substring(0, name.length() - LEGACY_SUFFIX.length()));
                project = path.substring(0, path.length() - name.length());
            } else {
                return;
            }
            lock.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
            Map<String, Locked> modules = projects.computeIfAbsent(project, p -> new TreeMap<>());
            for (GradleLockfile.Entry e : lock.entries()) {
                Locked locked = modules.computeIfAbsent(e.groupId() + ":" + e.artifactId() + ":" + e.version(),
                        k -> new Locked());
                locked.configurations.addAll(e.configurations());
                locked.locations.add(Location.of(path, meta.layer()).atLine(e.line()));
                if (locked.first == null || path.compareTo(locked.first.path()) < 0) {
                    locked.first = meta;
                }
            }
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> packages = new ArrayList<>();
            projects.values().forEach(modules -> modules.forEach((module, locked) -> {
                int version = module.lastIndexOf(':');
                List<Location> locations = new ArrayList<>(locked.locations);
                locations.sort(Comparator.comparing(Location::path));
                packages.add(new Package(module.substring(0, version), module.substring(version + 1),
                        Ecosystem.MAVEN, Optional.empty(), List.of(), locations, Optional.of(locked.first.layer()),
                        ID, new PackageMetadata.Declared(FORMAT, GradleLockfile.testOnly(List.copyOf(
                        locked.configurations)), Relation.UNKNOWN, Optional.empty(), Optional.empty())));
            }));
            packages.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> p.locations().get(0).path()));
            return AnalyzerOutput.packages(packages, problems.problems());
        }
    }
}
