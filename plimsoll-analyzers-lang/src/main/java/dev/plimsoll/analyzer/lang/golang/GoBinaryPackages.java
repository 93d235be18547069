package dev.plimsoll.analyzer.lang.golang;

import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.GoBuild;
import dev.plimsoll.core.problem.ProblemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packages a Go binary's build information names, each located at the binary:
 * <ul>
 *   <li>"stdlib" at the toolchain's SemVer version ("go1.19.8" gives "v1.19.8"), so that standard-library
 *       advisories match; none for development toolchains, whose version names no release;</li>
 *   <li>the main module, only when it has a version: "(devel)", what a build from the module's own source tree
 *       records, says nothing a vulnerability could be matched against;</li>
 *   <li>every dependency with a version. Those of a workspace build (go.work) record "(devel)", like a main
 *       module, and are left out for the same reason. A dependency replaced by another module is reported as that module, since its code is
 *       what was compiled in; one replaced by a local directory keeps its own path and version, the nearest known
 *       identity of the copied code. Either way the replace directive ("old v1 => new v2", "old v1 => ../dir")
 *       is kept in {@link GoBuild#replacement()}.</li>
 * </ul>
 */
final class GoBinaryPackages {
    static final String STDLIB = "stdlib";

    private GoBinaryPackages() {
    }

    static List<Package> of(FileMeta binary, GoBuildInfo info, AnalyzerId analyzer, ProblemLog problems) {
        List<Package> packages = new ArrayList<>();
        GoToolchain.semver(info.goVersion()).ifPresent(v -> packages.add(create(binary, STDLIB, v, analyzer,
                new GoBuild(GoBuild.Role.STDLIB, info.path(), info.goVersion(), Optional.empty(), Optional.empty()))));
        info.main().filter(GoBuildInfo.Module::isVersioned).ifPresent(m ->
                add(packages, binary, info, m, GoBuild.Role.MAIN, analyzer, problems));
        for (GoBuildInfo.Module dep : info.deps()) {
            add(packages, binary, info, dep, GoBuild.Role.DEPENDENCY, analyzer, problems);
        }
        return packages;
    }

    private static void add(List<Package> packages, FileMeta binary, GoBuildInfo info, GoBuildInfo.Module module,
                            GoBuild.Role role, AnalyzerId analyzer, ProblemLog problems) {
        GoBuildInfo.Module compiled = module.replace().filter(GoBuildInfo.Module::isVersioned).orElse(module);
        if (compiled.version().equals(GoBuildInfo.DEVEL)) {
            return; // a module of the build's workspace (go.work), built from its source: no version to match
        }
        if (!Texts.isToken(compiled.path()) || !Texts.isToken(compiled.version())) {
            problems.add(ProblemKind.MALFORMED_FILE, binary, "Go build information names a module without a "
                    + "usable path and version: \"" + UntrustedText.excerpt(compiled.path()) + "\" \""
                    + UntrustedText.excerpt(compiled.version()) + "\"");
            return;
        }
        Optional<String> replacement = module.replace().map(r -> directive(module, r));
        Optional<String> sum = Optional.of(compiled.sum()).filter(s -> !s.isEmpty());
        packages.add(create(binary, compiled.path(), compiled.version(), analyzer,
                new GoBuild(role, info.path(), info.goVersion(), replacement, sum)));
    }

    /** The replacement as go.mod's replace directive writes it. */
    private static String directive(GoBuildInfo.Module old, GoBuildInfo.Module replacement) {
        String from = old.version().isEmpty() ? old.path() : old.path() + " " + old.version();
        String to = replacement.isVersioned() ? replacement.path() + " " + replacement.version() : replacement.path();
        return from + " => " + to;
    }

    private static Package create(FileMeta binary, String name, String version, AnalyzerId analyzer, GoBuild go) {
        return new Package(name, version, Ecosystem.GOLANG, Optional.empty(), List.of(),
                List.of(Location.of(binary.path(), binary.layer())), Optional.of(binary.layer()), analyzer, go);
    }
}
