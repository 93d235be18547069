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
import dev.plimsoll.core.inventory.Package;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Maven artifacts in Java archives (.jar, .war, .ear, .par, .sar, .jpi, .hpi) and in the archives nested in them to
 * any depth, read from the walk's copy of each file without extracting anything ({@link ArchiveScanner}), with the
 * licences that the archive's pom.xml files or its manifest's Bundle-License declare. The archives of Maven's and
 * Gradle's caches (~/.m2/repository, ~/.gradle/caches/modules-2/files-2.1) are archives like any other.
 */
public final class JarAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/jar");

    /** Archives are read in place, so the bound is what the walk may hold (spilling large ones to a temp file). */
    private static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;

    private final ArchiveLimits limits;

    public JarAnalyzer() {
        this(ArchiveLimits.defaults());
    }

    JarAnalyzer(ArchiveLimits limits) {
        super(ID, 2, Interests.of(ArchiveContents.EXTENSIONS.stream().sorted().map(PathInterest::suffix)
                .toArray(PathInterest[]::new)).withMaxBytes(MAX_BYTES));
        this.limits = Objects.requireNonNull(limits);
    }

    @Override
    public Session open(ScanContext context) {
        return new JarSession(limits);
    }

    private static final class JarSession implements Session {
        private final ArchiveLimits limits;
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Package> packages = new ArrayList<>();

        JarSession(ArchiveLimits limits) {
            this.limits = limits;
        }

        @Override
        public void accept(FileEntry file) {
            FileMeta meta = file.meta();
            // Symbolic links to archives are reached through their targets; directories named x.jar hold nothing.
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            ArchiveScanner.scan(meta, new ByteSource.File(file, meta.size()), limits, problems, packages::add, ID);
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> sorted = new ArrayList<>(packages);
            sorted.sort(Comparator.comparing((Package p) -> p.locations().get(0).path()).thenComparing(Package::name)
                    .thenComparing(Package::version));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }
    }
}
