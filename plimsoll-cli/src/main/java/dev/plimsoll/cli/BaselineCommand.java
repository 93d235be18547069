package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.fs.PathSkips;
import dev.plimsoll.policy.Baseline;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll baseline create TARGET}: scans as {@code image} (or, with {@code --fs}, as {@code fs}) would, and
 * records today's findings, after the policy's own ignore entries, so that later scans given {@code --baseline FILE}
 * report and fail only on what is new.
 */
final class BaselineCommand implements CliCommand {
    static final String DEFAULT_FILE = "plimsoll-baseline.json";

    private final Console console;

    BaselineCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Record today's findings, so that later scans with --baseline FILE report"
                + " only new ones.");
        spec.addSubcommand("create", createSpec());
        return spec;
    }

    private static CommandSpec createSpec() {
        CommandSpec create = CommandSpec.create().name("create");
        ScanOptions.addHelp(create);
        create.usageMessage().description("Scan TARGET (an image as for 'plimsoll image', or with --fs a source tree"
                + " as for 'plimsoll fs') and write the fingerprints of its findings to the baseline file.");
        create.addPositional(PositionalParamSpec.builder().index("0").paramLabel("TARGET").type(String.class)
                .required(true).description("The image or directory.").build());
        create.addOption(OptionSpec.builder("--fs").description("Scan TARGET as a source tree ('plimsoll fs').")
                .build());
        create.addOption(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
                .defaultValue(DEFAULT_FILE).description("The baseline file (default: ${DEFAULT-VALUE}).").build());
        ScanOptions.addImage(create);
        ScanOptions.addScope(create);
        VulnOptions.add(create);
        ScanOptions.addScanners(create);
        ScanOptions.addCommon(create);
        return create;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        ParseResult create = parsed.subcommand();
        if (create == null) {
            throw new UsageException("baseline: say what to do: 'plimsoll baseline create TARGET'");
        }
        ScanOptions options = ScanOptions.from(create, "table");
        console.configure(options.quiet(), options.debug());
        String target = create.matchedPositionalValue(0, "");
        boolean fs = create.hasMatchedOption("--fs");
        ScanRequest request;
        Builtins builtins = Builtins.standard();
        if (fs) {
            Path dir = Path.of(target);
            request = new ScanRequest(new ImageSource.RootfsDir(dir), Platform.LINUX_AMD64, PathSkips.NONE,
                    Target.Kind.FILESYSTEM);
            builtins = builtins.withoutOsPackages();
            options = options.withSkips(FsCommand.relativeTo(dir, options.skips()));
        } else {
            request = new ScanRequest(ImageCommand.parse(target), options.platform());
            builtins = builtins.withoutSourceChecks();
        }
        PolicyOptions.Resolved policy = options.policy().resolve(console.host().workingDir(), console);
        builtins = SecretScanners.apply(builtins, policy.policy(), console.host().env(), console);
        ScanResult result = ScanRunner.applyPolicy(console, policy,
                ScanRunner.scan(console, options, request, builtins)).result();
        Path file = create.matchedOptionValue("--output", Path.of(DEFAULT_FILE));
        new OutputOptions("table", file).write(out -> Baseline.write(result.findings(), console.clock().instant(),
                out), console.out());
        console.info("baseline: " + result.findings().size() + " finding(s) written to " + file + "; scans with"
                + " --baseline " + file + " now report only new ones");
        if (!result.complete()) {
            console.warn("the scan is incomplete: " + result.allProblems().size() + " problem(s); findings in what"
                    + " was not read are not in the baseline");
            return ExitCode.INCOMPLETE;
        }
        return ExitCode.OK;
    }
}
