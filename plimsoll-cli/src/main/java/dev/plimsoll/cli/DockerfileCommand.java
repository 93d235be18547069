package dev.plimsoll.cli;

import dev.plimsoll.check.dockerfile.DockerfileLinter;
import dev.plimsoll.check.dockerfile.shell.ShellCheck;
import dev.plimsoll.check.dockerfile.HadolintLevel;
import dev.plimsoll.check.dockerfile.LintConfig;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.LintHit;
import dev.plimsoll.check.dockerfile.hadolint.ConfigDiscovery;
import dev.plimsoll.check.dockerfile.hadolint.HadolintFormat;
import dev.plimsoll.check.dockerfile.hadolint.HadolintSettings;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import dev.plimsoll.check.dockerfile.syntax.DockerfileSyntaxException;
import dev.plimsoll.check.dockerfile.syntax.ParserLimits;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FindingKind;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.PolicyStage;
import dev.plimsoll.report.PolicyVerdict;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll dockerfile FILE…}: lints Dockerfiles as hadolint does, with hadolint's configuration files,
 * environment variables and options, and reports through the policy and reporters as every scan does. {@code -f
 * hadolint-tty} and {@code -f hadolint-json} print hadolint's own formats.
 *
 * <p>Several files make one report: its target is named after all of them, while each finding keeps the target
 * and location of its own file (so fingerprints, baselines and ignore entries do not depend on which other files
 * were linted in the same run).
 *
 * <p>Exit code: when the policy sets a misconfiguration threshold ({@code fail-on}), the policy decides; otherwise
 * hadolint's rule: 1 when a reported finding is at or above the failure threshold (default {@code info}, so
 * style-only findings pass). {@code --no-fail} (or {@code no-fail: true}, {@code HADOLINT_NOFAIL}) turns both off.
 */
final class DockerfileCommand implements CliCommand {
    static final String HADOLINT_TTY = "hadolint-tty";
    static final String HADOLINT_JSON = "hadolint-json";
    static final String STDIN = "-";
    /** A .dockerignore larger than this is not read (real ones are a few hundred bytes). */
    static final long MAX_DOCKERIGNORE_BYTES = 1024 * 1024;

    private final Console console;

    DockerfileCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "dockerfile";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Lint Dockerfiles: hadolint's rules and configuration (.hadolint.yaml,"
                + " HADOLINT_* variables, # hadolint ignore= pragmas) and Plimsoll's own, judged by the policy.",
                "FILE '-' reads standard input. The build context of a file is its directory unless --context is"
                        + " given; its .dockerignore is read from there.");
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1..*").paramLabel("FILE")
                .type(String[].class).description("The Dockerfile(s) to lint; - for standard input.").build());
        spec.addOption(OptionSpec.builder("-c", "--config").paramLabel("FILE").type(Path.class)
                .description("hadolint configuration file (default: .hadolint.yaml or .hadolint.yml in the working"
                        + " directory, else $XDG_CONFIG_HOME/hadolint.yaml, ~/.config/hadolint.yaml,"
                        + " ~/.hadolint/hadolint.yaml, ~/.hadolint.yaml and their .yml forms).").build());
        spec.addOption(OptionSpec.builder("--context").paramLabel("DIR").type(Path.class)
                .description("The build context, whose .dockerignore the rules read (default: each Dockerfile's"
                        + " directory; none for standard input).").build());
        repeatable(spec, "--ignore", "RULE", "Do not report RULE (DL3008, SC2086, PLM-DF-001); repeatable.");
        repeatable(spec, "--trusted-registry", "REGISTRY", "A registry FROM may use (enables DL3026); repeatable.");
        repeatable(spec, "--require-label", "LABEL:TYPE", "A label every image must set, with its format (text, url,"
                + " semver, hash, rfc3339, spdx, email); repeatable.");
        for (String level : List.of("error", "warning", "info", "style")) {
            repeatable(spec, "--" + level, "RULE", "Report RULE at level " + level + "; repeatable.");
        }
        spec.addOption(OptionSpec.builder("-t", "--failure-threshold").paramLabel("LEVEL").type(String.class)
                .description("Fail (exit 1) when a finding is at LEVEL or above: error, warning, info (default),"
                        + " style, ignore/none (any finding). A policy with a misconfiguration threshold decides"
                        + " instead.").build());
        spec.addOption(OptionSpec.builder("--no-fail").description("Exit 0 whatever the findings.").build());
        spec.addOption(OptionSpec.builder("--no-shellcheck").description("Do not run shellcheck on RUN scripts"
                + " (by default its SC findings are reported when a shellcheck binary is on PATH).").build());
        spec.addOption(OptionSpec.builder("--strict-labels").description("Report labels outside the label schema"
                + " (DL3050).").build());
        spec.addOption(OptionSpec.builder("--disable-ignore-pragma")
                .description("Do not honour # hadolint ignore= (and plimsoll ignore=) comments.").build());
        spec.addOption(OptionSpec.builder("--no-color").description("No colours in hadolint-tty output.").build());
        spec.addOption(OptionSpec.builder("-f", "--format").paramLabel("FORMAT[=FILE]").type(String[].class)
                .description("Report format: " + String.join(", ", dev.plimsoll.report.Reporters.standard().stream()
                        .map(dev.plimsoll.report.Reporter::format).toList()) + ", " + HADOLINT_TTY + ", "
                        + HADOLINT_JSON + " (hadolint's tty and json formats). Repeatable: FORMAT=FILE writes that"
                        + " format to FILE as well.").build());
        spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
                .description("Write the report to FILE instead of stdout.").build());
        PolicyOptions.add(spec);
        ScanOptions.addCommon(spec);
        return spec;
    }

    private static void repeatable(CommandSpec spec, String name, String label, String description) {
        spec.addOption(OptionSpec.builder(name).paramLabel(label).type(String[].class).description(description)
                .build());
    }

    /** One Dockerfile linted: its name as given, its hits and its findings. */
    private record Linted(String name, DockerfileLinter.Result result, List<Finding> findings) {
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        ScanOptions options = ScanOptions.from(parsed, "table");
        console.configure(options.quiet(), options.debug());
        List<OutputOptions> outputs = new ArrayList<>();
        outputs.add(options.output());
        outputs.addAll(options.moreOutputs());
        for (OutputOptions o : outputs) {
            if (!isHadolintFormat(o.format())) {
                o.reporter(); // a bad --format fails before anything is read
            }
        }
        List<String> files = List.of(parsed.matchedPositionalValue(0, new String[0]));
        if (files.stream().filter(STDIN::equals).count() > 1) {
            throw new UsageException("FILE: standard input (-) can be read once only");
        }
        console.debugUptime("command line parsed");
        PolicyOptions.Resolved policy = options.policy().resolve(console.host().workingDir(), console);
        console.debugUptime("policy read");
        HadolintSettings settings = settings(console, parsed);
        LintConfig config = settings.toLintConfig(policy.policy().images().trustedRegistries(),
                policy.policy().images().allowedBaseImages());
        Optional<Path> context = Optional.ofNullable(parsed.matchedOptionValue("--context", null));
        if (context.isPresent() && !Files.isDirectory(context.get())) {
            throw new ImageException(context.get().toString(), "--context: no such directory");
        }

        console.debugUptime("configuration read");
        DockerfileLinter linter = DockerfileLinter.standard();
        if (!parsed.hasMatchedOption("--no-shellcheck") && config.settings().bool("shellcheck", true)) {
            // As hadolint: ShellCheck's findings on RUN scripts when the binary is there; never required.
            linter = linter.withShellCheck(new ShellCheck(ShellCheck.findOnPath(console.host().env().get("PATH")),
                    java.time.Duration.ofSeconds(30)));
        }
        console.debugUptime("rules loaded");
        List<Linted> linted = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<ScanProblem> problems = new ArrayList<>();
        for (String name : files) {
            Dockerfile dockerfile = parse(name);
            BuildContext build = buildContext(name, context);
            DockerfileLinter.Result result = linter.lint(new LintContext(dockerfile, config, build.dockerignore(),
                    build.known()));
            List<Finding> own = DockerfileLinter.findings(result, new Target(Target.Kind.DOCKERFILE, name), name);
            linted.add(new Linted(name, result, own));
            findings.addAll(own);
            problems.addAll(result.problems());
        }
        Target target = new Target(Target.Kind.DOCKERFILE, String.join(", ", files));
        ScanResult scanned = new ScanResult(target, new Inventory(target, Optional.empty(), Optional.empty(),
                List.of(), List.of()), findings, problems);
        console.debugUptime("linted " + files.size() + " file(s)");

        PolicyStage.Outcome judged = ScanRunner.applyPolicy(console, policy, scanned);
        ScanResult result = judged.result();
        Levels levels = new Levels(linted);
        boolean policyDecides = judged.applied().threshold(FindingKind.MISCONFIGURATION).isPresent();
        HadolintLevel threshold = settings.threshold();
        List<Finding> failing = policyDecides ? judged.policy().failing()
                : result.findings().stream().filter(f -> levels.of(f).ordinal() <= threshold.ordinal()).toList();
        PolicyVerdict verdict = policyDecides ? ScanRunner.verdict(judged) : hadolintVerdict(judged, failing,
                threshold);
        Report report = new Report(result, new ToolInfo("plimsoll", Main.version()), console.clock().instant(),
                Optional.of(verdict));

        boolean color = !parsed.hasMatchedOption("--no-color") && !console.host().env().containsKey("NO_COLOR")
                && System.console() != null && console.out() == System.out;
        List<String> order = files;
        for (OutputOptions o : outputs) {
            String format = o.format().trim().toLowerCase(Locale.ROOT);
            if (format.equals(HADOLINT_JSON) || format.equals(HADOLINT_TTY)) {
                List<HadolintFormat.Entry> entries = entries(result.findings(), levels, order);
                boolean ttyColor = color && o.output() == null;
                o.write(out -> {
                    if (format.equals(HADOLINT_JSON)) {
                        HadolintFormat.writeJson(entries, out);
                    } else {
                        HadolintFormat.writeTty(entries, ttyColor, out);
                    }
                }, console.out());
            } else {
                o.write(o.reporter(), report, console.out());
            }
            if (o != outputs.get(0)) {
                console.info(format + " report written to " + o.output());
            }
        }

        console.debugUptime("reports written");
        if (!failing.isEmpty()) {
            if (settings.noFailSet() || parsed.hasMatchedOption("--no-fail")) {
                console.info(failing.size() + " finding(s) at or above the threshold; --no-fail: exiting with 0");
            } else {
                console.warn(failing.size() + " finding(s) at or above " + (policyDecides
                        ? "the policy's thresholds" : "the failure threshold (" + threshold.label() + ")")
                        + "; exiting with " + ExitCode.POLICY_FAILED);
                return ExitCode.POLICY_FAILED;
            }
        }
        return ScanRunner.problemsExitCode(console, false, result);
    }

    static boolean isHadolintFormat(String format) {
        String f = format.trim().toLowerCase(Locale.ROOT);
        return f.equals(HADOLINT_TTY) || f.equals(HADOLINT_JSON);
    }

    /**
     * hadolint's level of each reported finding: the level its rule reports at under the configuration, unless the
     * policy gave the finding another severity ({@code rules: {DL3008: {severity: high}}}), then the level of that
     * severity.
     */
    private static final class Levels {
        private final Map<String, LintHit> byRule = new HashMap<>();

        Levels(List<Linted> linted) {
            for (Linted l : linted) {
                for (LintHit h : l.result().hits()) {
                    byRule.putIfAbsent(h.rule().id().value(), h);
                }
            }
        }

        HadolintLevel of(Finding f) {
            LintHit h = byRule.get(f.ruleId().value());
            if (h == null) {
                return HadolintLevel.of(f.severity());
            }
            return h.severity() == f.severity() ? h.level() : HadolintLevel.of(f.severity());
        }
    }

    private static List<HadolintFormat.Entry> entries(List<Finding> findings, Levels levels, List<String> order) {
        List<HadolintFormat.Entry> out = new ArrayList<>();
        for (Finding f : findings) {
            Location where = f.location().orElse(Location.of(f.target().name()));
            // hadolint reports column 1 for every rule; only its parse error (DL1000) has a real column.
            int column = f.ruleId().value().equals(DockerfileLinter.SYNTAX_RULE) ? where.column().orElse(1) : 1;
            String message = f instanceof dev.plimsoll.core.finding.MisconfigurationFinding m ? m.message()
                    : f.title();
            out.add(new HadolintFormat.Entry(Math.max(0, order.indexOf(where.path())), where.path(),
                    where.line().orElse(1), column, f.ruleId().value(), levels.of(f), message));
        }
        return out;
    }

    /** The verdict under hadolint's failure threshold, as reports show it. */
    private static PolicyVerdict hadolintVerdict(PolicyStage.Outcome judged, List<Finding> failing,
                                                 HadolintLevel threshold) {
        PolicyVerdict policy = ScanRunner.verdict(judged);
        Set<String> prints = new HashSet<>();
        failing.forEach(f -> prints.add(f.fingerprint().value()));
        return new PolicyVerdict(policy.origin() + ", hadolint failure-threshold " + threshold.label(),
                policy.thresholds(), prints, policy.hidden());
    }

    /** Environment &lt; configuration file &lt; command line, as hadolint merges them. */
    private static HadolintSettings settings(Console console, ParseResult parsed) {
        Optional<Path> explicit = Optional.ofNullable(parsed.matchedOptionValue("--config", null));
        HadolintSettings file = configFile(console, explicit);
        Map<dev.plimsoll.check.dockerfile.HadolintLevel, List<String>> overrides = new LinkedHashMap<>();
        for (HadolintLevel level : List.of(HadolintLevel.ERROR, HadolintLevel.WARNING, HadolintLevel.INFO,
                HadolintLevel.STYLE)) {
            String[] ids = parsed.matchedOptionValue("--" + level.label(), new String[0]);
            if (ids.length > 0) {
                overrides.put(level, List.of(ids));
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : parsed.matchedOptionValue("--require-label", new String[0])) {
            labels.putAll(label(pair));
        }
        String threshold = parsed.matchedOptionValue("--failure-threshold", null);
        HadolintSettings cli = new HadolintSettings(List.of(parsed.matchedOptionValue("--ignore", new String[0])),
                overrides, List.of(parsed.matchedOptionValue("--trusted-registry", new String[0])), labels,
                flag(parsed, "--strict-labels"), flag(parsed, "--disable-ignore-pragma"), flag(parsed, "--no-fail"),
                Optional.ofNullable(threshold).map(DockerfileCommand::threshold),
                dev.plimsoll.check.dockerfile.RuleSettings.NONE);
        return HadolintSettings.merge(List.of(HadolintSettings.fromEnvironment(console.host().env()), file, cli));
    }

    private static HadolintLevel threshold(String text) {
        try {
            return HadolintSettings.level(text, "--failure-threshold");
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Map<String, String> label(String pair) {
        try {
            return HadolintSettings.label(pair, "--require-label");
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Optional<Boolean> flag(ParseResult parsed, String name) {
        return parsed.hasMatchedOption(name) ? Optional.of(true) : Optional.empty();
    }

    /**
     * The hadolint configuration file: {@code --config}, else the first that hadolint's discovery finds (named on
     * stderr), else none. A file with a mistake is an error naming it, where hadolint would warn and go on: a typo
     * must not silently turn rules back on.
     */
    static HadolintSettings configFile(Console console, Optional<Path> explicit) {
        if (explicit.isPresent()) {
            if (!Files.isRegularFile(explicit.get())) {
                throw new ConfigException(explicit.get() + ": no such hadolint configuration file");
            }
            return HadolintSettings.read(explicit.get());
        }
        Console.Host host = console.host();
        Optional<Path> found = ConfigDiscovery.find(host.workingDir(), host.env(), host.home(), host.osName());
        found.ifPresent(f -> console.info("hadolint configuration: " + f));
        return found.map(HadolintSettings::read).orElse(HadolintSettings.NONE);
    }

    /** Parses a file, or standard input for "-"; unreadable or unparsable input is an error naming it. */
    private Dockerfile parse(String name) {
        DockerfileParser parser = new DockerfileParser();
        try {
            if (name.equals(STDIN)) {
                long limit = (long) ParserLimits.DEFAULT.maxChars() * 4;
                InputStream in = console.host().in();
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (bytes.length > limit) {
                    throw new ImageException(name, "standard input is over " + limit + " bytes");
                }
                return parser.parse(Path.of(name), new String(bytes, StandardCharsets.UTF_8));
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new ImageException(name, "is a directory, not a Dockerfile (plimsoll fs lints every"
                        + " Dockerfile of a tree)");
            }
            return parser.parse(path);
        } catch (DockerfileSyntaxException e) {
            throw new ImageException(name + ":" + e.line() + ":" + e.column(), "cannot parse the Dockerfile: "
                    + e.problem().message());
        } catch (NoSuchFileException e) {
            throw new ImageException(name, "no such file");
        } catch (IOException e) {
            throw new ImageException(name, "cannot read: " + (e.getMessage() == null ? e : e.getMessage()), e);
        }
    }

    /** What the rules learn of a build context: its ignore file, and whether it was looked at. */
    private record BuildContext(Optional<String> dockerignore, boolean known) {
    }

    /**
     * The build context's ignore file: BuildKit's {@code <Dockerfile>.dockerignore} beside the file, else the
     * context's {@code .dockerignore}. Standard input without --context has no context; an ignore file over the size
     * bound leaves the context unknown (said on stderr), so that no rule reports it missing.
     */
    private BuildContext buildContext(String name, Optional<Path> context) {
        if (name.equals(STDIN) && context.isEmpty()) {
            return new BuildContext(Optional.empty(), false);
        }
        List<Path> candidates = new ArrayList<>();
        if (!name.equals(STDIN)) {
            Path file = Path.of(name).toAbsolutePath();
            candidates.add(file.resolveSibling(file.getFileName() + ".dockerignore"));
        }
        Path dir = context.orElseGet(() -> Path.of(name).toAbsolutePath().getParent());
        candidates.add(dir.resolve(".dockerignore"));
        for (Path p : candidates) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                if (Files.size(p) > MAX_DOCKERIGNORE_BYTES) {
                    console.warn(p + ": over " + MAX_DOCKERIGNORE_BYTES + " bytes, not read; the build context is"
                            + " taken as unknown");
                    return new BuildContext(Optional.empty(), false);
                }
                return new BuildContext(Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)),
                        true);
            } catch (IOException e) {
                throw new ImageException(p.toString(), "cannot read: " + e.getMessage(), e);
            }
        }
        return new BuildContext(Optional.empty(), true);
    }
}
