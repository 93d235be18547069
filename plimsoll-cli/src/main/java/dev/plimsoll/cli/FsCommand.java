package dev.plimsoll.cli;

import dev.plimsoll.check.dockerfile.hadolint.HadolintSettings;
import dev.plimsoll.check.dockerfile.scan.DockerfileAnalyzer;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.fs.PathSkips;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll fs DIR}: a source checkout or an application directory. Every application analyzer runs (lockfiles,
 * manifests, installed packages, archives, binaries) and every Dockerfile is linted, in one walk; operating-system package databases do not, since
 * copies of them in a tree are test data rather than an installation (use {@code plimsoll rootfs} for a root
 * filesystem).
 */
final class FsCommand implements CliCommand {
    private final Console console;

    FsCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "fs";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Scan a source tree or application directory: the packages its lockfiles,"
                + " manifests, archives and binaries name, and their known vulnerabilities. Read-only; symlinks are"
                + " never followed out of DIR.");
        spec.addPositional(ImageCommand.imageParameter("DIR", "The directory to scan."));
        ScanOptions.addScope(spec);
        VulnOptions.add(spec);
        ScanOptions.addOutput(spec);
        ScanOptions.addScanners(spec);
        ScanOptions.addCommon(spec);
        ExitCode.describeIn(spec);
        return spec;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        ScanOptions options = ScanOptions.from(parsed, "table");
        Path dir = Path.of((String) parsed.matchedPositionalValue(0, ""));
        ScanRequest request = new ScanRequest(new ImageSource.RootfsDir(dir), Platform.LINUX_AMD64, PathSkips.NONE,
                Target.Kind.FILESYSTEM);
        // The Dockerfiles of the tree are linted with hadolint's configuration as 'plimsoll dockerfile' finds it
        // (environment, then the discovered file) and the policy's trusted registries.
        Builtins builtins = Builtins.standard().withoutOsPackages();
        return ScanRunner.run(console, options.withSkips(relativeTo(dir, options.skips())), request,
                policy -> builtins.replacing(new DockerfileAnalyzer().withConfig(HadolintSettings.merge(List.of(
                        HadolintSettings.fromEnvironment(console.host().env()),
                        DockerfileCommand.configFile(console, Optional.empty())))
                        .toLintConfig(policy.images().trustedRegistries(),
                        policy.images().allowedBaseImages()))));
    }

    /** Patterns written with the directory's own path in front ("src/vendor" for fs src) are made relative to it. */
    static PathSkips relativeTo(Path dir, PathSkips skips) {
        String prefix = "/" + dir.normalize().toString().replaceAll("^/+", "").replaceAll("/+$", "") + "/";
        java.util.function.UnaryOperator<String> strip = p -> p.startsWith(prefix) && !prefix.equals("//")
                ? p.substring(prefix.length() - 1) : p;
        return new PathSkips(skips.dirs().stream().map(strip).toList(), skips.files().stream().map(strip).toList());
    }
}
