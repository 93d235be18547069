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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dependencies that Maven projects declare in their {@code pom.xml} files (files named exactly so: the
 * {@code .pom} files of a repository or cache describe published artifacts, not projects, and are not read).
 * Each pom's dependencies are those of its effective model within the scanned tree ({@link EffectivePom}): its own
 * and those inherited from parent poms found at their {@code <relativePath>}, versions resolved through properties,
 * project coordinates and {@code <dependencyManagement>}. A dependency is reported at the pom.xml and line that
 * declare it, once however many modules inherit it with the same version. Versions that only a repository could
 * decide (a parent or imported BOM outside the tree, a range) are problems naming the file and the dependency,
 * never guesses; nothing is fetched. The project's own artifact is the thing scanned, not a dependency.
 * {@code <profiles>} are not read: which are active depends on the build machine.
 *
 * <p>Scopes {@code test} (needed only to compile and run the tests) and {@code provided} (supplied at run time by
 * the environment, such as a servlet container, whose own copy is what runs and is found where it is installed)
 * are {@code dev}: the built artifact does not ship them. {@code compile}, {@code runtime} and {@code system} (a
 * jar the project takes from a path and uses at run time) are not. {@code <optional>} does not change this: an
 * optional dependency is still on the project's own class path; it only keeps it from the projects that depend on
 * this one, and the package model has no place for that.
 */
public final class PomAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/maven-pom");

    private static final String POM_XML = "pom.xml";
    private static final String FORMAT = "pom.xml";
    /** The largest real POMs (BOMs managing thousands of artifacts) are a few hundred KiB. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private static final String PACKAGED_DESCRIPTORS = "/META-INF/maven/";

    public PomAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.basename(POM_XML)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new PomSession();
    }

    private record PomFile(FileMeta meta, Pom pom) {
    }

    private static final class PomSession implements Session, ParentChain.Tree {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final Map<String, PomFile> poms = new TreeMap<>();
        private final Map<String, FileMeta> unreadable = new HashMap<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            if (meta.path().contains(PACKAGED_DESCRIPTORS)) {
                // A copy Maven packed into a built artifact (an exploded Spring Boot app's BOOT-INF/classes): the
                // project is not here, its parent rarely is, and its dependencies are on disk as jars.
                return;
            }
            try {
                poms.put(meta.path(), new PomFile(meta, PomReader.read(file.readAllBytes())));
            } catch (PomException e) {
                unreadable.put(meta.path(), meta);
                problems.add(e.kind(), meta, e.describe() + "; its dependencies are not read");
            }
        }

        @Override
        public Optional<Pom> pom(String path) {
            return Optional.ofNullable(poms.get(path)).map(PomFile::pom);
        }

        @Override
        public boolean unreadable(String path) {
            return unreadable.containsKey(path);
        }

        @Override
        public AnalyzerOutput finish() {
            Set<Package> packages = new LinkedHashSet<>();
            Map<String, EffectivePom.Unresolved> unresolved = new LinkedHashMap<>();
            poms.forEach((path, file) -> {
                for (EffectivePom.Outcome outcome : EffectivePom.dependencies(path, file.pom(), this)) {
                    switch (outcome) {
                        case EffectivePom.Resolved r -> packages.add(pkg(r, poms.get(r.declaredIn()).meta()));
                        case EffectivePom.Unresolved u -> {
                            // A parent's dependency that its modules cannot resolve for the same reason is said
                            // once, as the parent's own if the parent itself cannot resolve it.
                            String key = u.declaredIn() + "\n" + u.line() + "\n" + u.reason();
                            EffectivePom.Unresolved before = unresolved.get(key);
                            if (before == null || u.context().equals(u.declaredIn())) {
                                unresolved.put(key, u);
                            }
                        }
                    }
                }
            });
            unresolved.values().forEach(u -> problems.add(u.kind(), poms.get(u.declaredIn()).meta(), u.message()));
            List<Package> sorted = new ArrayList<>(packages);
            sorted.sort(Comparator.comparing((Package p) -> p.locations().get(0).path())
                    .thenComparingInt(p -> p.locations().get(0).line().orElse(0))
                    .thenComparing(Package::name).thenComparing(Package::version));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }
    }

    private static Package pkg(EffectivePom.Resolved r, FileMeta declaring) {
        return new Package(r.groupId() + ":" + r.artifactId(), r.version(), Ecosystem.MAVEN, Optional.empty(),
                List.of(), List.of(Location.of(declaring.path(), declaring.layer()).atLine(r.line())),
                Optional.of(declaring.layer()), ID,
                new PackageMetadata.Declared(FORMAT, r.dev(), Relation.DIRECT, Optional.empty(), Optional.empty()));
    }
}
