package dev.plimsoll.analyzer.lang.golang;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules a Go project's go.mod requires, with the relation its "// indirect" comments state. The module line
 * names the project itself, which is not a dependency; go and toolchain lines state minimum versions, not the
 * toolchain a binary was built with (the binary's own build information says that), so they give no package.
 *
 * <p>Replacements apply as Go applies them (one naming the version before one for every version): a module replaced
 * by another is reported as that other module, whose code is what gets built; one replaced by a directory keeps its
 * path and version. Either way the replace directive is the package's {@link Declared#resolved()}.
 *
 * <p>go.mod files in Go's module cache ({@code .../pkg/mod/...}) and in vendor directories are those of the
 * dependencies, whose own requirements Go's version selection may not have chosen, and are left alone.
 */
public final class GoModAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/go-mod");

    static final String GO_MOD = "go.mod";
    static final String FORMAT = "go.mod";
    /** Real go.mod files are at most some tens of KiB. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    public GoModAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.basename(GO_MOD)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new GoModSession();
    }

    /** Whether a go.mod at this path belongs to a dependency rather than to a project. */
    static boolean isDependencyCopy(String path) {
        return path.contains("/pkg/mod/") || path.contains("/vendor/");
    }

    private static final class GoModSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Package> packages = new ArrayList<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent() || isDependencyCopy(meta.path())) {
                return;
            }
            GoMod mod = GoMod.parse(UntrustedText.decode(file.readAllBytes()));
            mod.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
            Map<String, GoMod.Replace> byModule = new HashMap<>();
            Map<String, GoMod.Replace> byVersion = new HashMap<>();
            for (GoMod.Replace r : mod.replaces()) {
                if (r.oldVersion().isPresent()) {
                    byVersion.put(r.oldPath() + " " + r.oldVersion().get(), r);
                } else {
                    byModule.put(r.oldPath(), r);
                }
            }
            for (GoMod.Require require : mod.requires()) {
                GoMod.Replace replace = byVersion.getOrDefault(require.path() + " " + require.version(),
                        byModule.get(require.path()));
                boolean byModuleReplacement = replace != null && !replace.isDirectory();
                String name = byModuleReplacement ? replace.newPath() : require.path();
                String version = byModuleReplacement ? replace.newVersion().orElseThrow() : require.version();
                if (!Texts.isToken(name) || !Texts.isToken(version)) {
                    problems.malformed(meta, replace != null ? replace.line() : require.line(),
                            "not a module path and version: \"" + UntrustedText.excerpt(name) + "\" \""
                                    + UntrustedText.excerpt(version) + "\"");
                    continue;
                }
                Declared declared = new Declared(FORMAT, false, require.indirect() ? Declared.Relation.TRANSITIVE
                        : Declared.Relation.DIRECT, Optional.ofNullable(replace).map(GoMod.Replace::directive),
                        Optional.empty());
                packages.add(new Package(name, version, Ecosystem.GOLANG, Optional.empty(), List.of(),
                        List.of(Location.of(meta.path(), meta.layer()).atLine(require.line())),
                        Optional.of(meta.layer()), ID, declared));
            }
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
