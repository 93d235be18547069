package dev.plimsoll.engine;

import dev.plimsoll.analyzer.lang.dotnet.DotnetAnalyzer;
import dev.plimsoll.analyzer.lang.golang.GoBinaryAnalyzer;
import dev.plimsoll.analyzer.lang.golang.GoModAnalyzer;
import dev.plimsoll.analyzer.lang.java.GradleLockAnalyzer;
import dev.plimsoll.analyzer.lang.java.JarAnalyzer;
import dev.plimsoll.analyzer.lang.java.PomAnalyzer;
import dev.plimsoll.analyzer.lang.npm.NpmAnalyzer;
import dev.plimsoll.analyzer.lang.php.ComposerAnalyzer;
import dev.plimsoll.analyzer.lang.python.PythonAnalyzer;
import dev.plimsoll.analyzer.lang.python.PythonLockAnalyzer;
import dev.plimsoll.analyzer.lang.ruby.RubyAnalyzer;
import dev.plimsoll.analyzer.lang.rust.CargoAuditableAnalyzer;
import dev.plimsoll.analyzer.lang.rust.CargoLockAnalyzer;
import dev.plimsoll.analyzer.os.apk.ApkAnalyzer;
import dev.plimsoll.analyzer.os.dpkg.DpkgAnalyzer;
import dev.plimsoll.analyzer.os.release.OsReleaseAnalyzer;
import dev.plimsoll.analyzer.os.rpm.RpmAnalyzer;
import dev.plimsoll.check.dockerfile.scan.DockerfileAnalyzer;
import dev.plimsoll.check.secrets.scan.SecretsAnalyzer;
import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything Plimsoll ships, in one explicit list: "what runs?" is answered here. A new analyzer is one line.
 * Constructor injection instead of registration by side effect keeps the order deterministic and makes duplicate
 * ids a construction error rather than a runtime surprise.
 */
public record Builtins(List<Analyzer> analyzers) {
    public Builtins {
        analyzers = List.copyOf(analyzers);
        Set<AnalyzerId> seen = new HashSet<>();
        for (Analyzer a : analyzers) {
            if (!seen.add(a.id())) {
                throw new IllegalArgumentException("analyzer id registered twice: " + a.id());
            }
        }
    }

    /** Analyzers of source files (Dockerfiles, ...): their id's group. */
    public static final String SOURCE_GROUP = "source";

    /**
     * The analyzers for an image or root filesystem: every one but the checks of source files ({@code source/*}, such
     * as the Dockerfile linter), since a Dockerfile copied into an image is not what built it.
     */
    public Builtins withoutSourceChecks() {
        return new Builtins(analyzers.stream().filter(a -> !a.id().group().equals(SOURCE_GROUP)).toList());
    }

    /** These analyzers but the one of this id (none to leave out is fine: the result is the same analyzers). */
    public Builtins without(AnalyzerId id) {
        return new Builtins(analyzers.stream().filter(a -> !a.id().equals(id)).toList());
    }

    /** These analyzers with {@code replacement} instead of the one of the same id (a configured one, say). */
    public Builtins replacing(Analyzer replacement) {
        if (analyzers.stream().noneMatch(a -> a.id().equals(replacement.id()))) {
            throw new IllegalArgumentException("no analyzer " + replacement.id() + " to replace");
        }
        return new Builtins(analyzers.stream().map(a -> a.id().equals(replacement.id()) ? replacement : a).toList());
    }

    /**
     * The analyzers for a source tree or host directory scanned as an application ({@code plimsoll fs}): every one
     * but the operating-system package databases, whose copies in a checkout are test data, not an installation.
     * The source checks stay.
     */
    public Builtins withoutOsPackages() {
        return new Builtins(analyzers.stream().filter(a -> !a.id().value().startsWith("os/")).toList());
    }

    /**
     * Every analyzer: image and root filesystem scans take {@link #withoutSourceChecks()}, source trees {@link
     * #withoutOsPackages()}.
     */
    public static Builtins standard() {
        return new Builtins(List.of(
                new OsReleaseAnalyzer(),
                new DpkgAnalyzer(),
                new ApkAnalyzer(),
                new RpmAnalyzer(),
                new PythonAnalyzer(),
                new PythonLockAnalyzer(),
                new NpmAnalyzer(),
                new JarAnalyzer(),
                new PomAnalyzer(),
                new GradleLockAnalyzer(),
                new ComposerAnalyzer(),
                new RubyAnalyzer(),
                new DotnetAnalyzer(),
                new GoBinaryAnalyzer(),
                new GoModAnalyzer(),
                new CargoLockAnalyzer(),
                new CargoAuditableAnalyzer(),
                new DockerfileAnalyzer(),
                new SecretsAnalyzer()));
    }
}
