package dev.plimsoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.check.secrets.SecretScanner;
import dev.plimsoll.check.secrets.git.GitHistoryScanner;
import dev.plimsoll.check.secrets.scan.SecretsAnalyzer;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.fs.PathSkips;
import dev.plimsoll.policy.Baseline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll secrets DIR}: secrets in a directory tree, or with {@code --git} in the lines every commit of a
 * repository added. Reports go through the policy and reporters of every scan; by default any secret the policy
 * and baseline leave fails the run (exit 1), as secret scanners do in CI: {@code --exit-code 0} only reports.
 * {@code --baseline} takes a Plimsoll baseline, a detect-secrets {@code .secrets.baseline} or a gitleaks {@code
 * .gitleaksignore}; {@code --write-baseline FILE} writes today's findings as a Plimsoll baseline (and so converts an
 * imported one). {@code plimsoll secrets audit BASELINE} asks a person about each entry and keeps the verdicts.
 */
final class SecretsCommand implements CliCommand {
    private final Console console;

    SecretsCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Find secrets (keys, tokens, passwords, private keys) in a directory tree"
                + " or, with --git, in every commit of a repository's history. Only masked forms are ever shown.");
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("DIR").type(String.class)
                .arity("0..1").description("The directory or repository (default: the working directory).")
                .build());
        spec.addOption(OptionSpec.builder("--git").description("Scan the lines each commit added (all commits"
                + " reachable from any branch, tag or HEAD), not the files of the tree.").build());
        spec.addOption(OptionSpec.builder("--since").paramLabel("REV").type(String.class)
                .description("With --git: only the commits not reachable from REV (a commit, branch or tag).")
                .build());
        spec.addOption(OptionSpec.builder("--exit-code").paramLabel("N").type(Integer.class).defaultValue("1")
                .description("Exit with N when secrets remain after the policy and baseline (default:"
                        + " ${DEFAULT-VALUE}; 0 only reports).").build());
        spec.addOption(OptionSpec.builder("--write-baseline").paramLabel("FILE").type(Path.class)
                .description("Write the secrets found (after the policy) as a Plimsoll baseline to FILE, and exit 0"
                        + " unless the scan is incomplete.").build());
        spec.addOption(OptionSpec.builder("--skip-dirs").paramLabel("GLOB").type(String[].class).splitRegex(",")
                .description("Leave out directories matching GLOB (tree scans).").build());
        spec.addOption(OptionSpec.builder("--skip-files").paramLabel("GLOB").type(String[].class).splitRegex(",")
                .description("Leave out files matching GLOB (tree scans).").build());
        spec.addOption(OptionSpec.builder("--strict")
                .description("Fail (exit 4) when a file could not be scanned.").build());
        PolicyOptions.add(spec);
        ScanOptions.addOutput(spec);
        ScanOptions.addCommon(spec);
        spec.addSubcommand("audit", auditSpec());
        ExitCode.describeIn(spec);
        return spec;
    }

    private static CommandSpec auditSpec() {
        CommandSpec audit = CommandSpec.create().name("audit");
        ScanOptions.addHelp(audit);
        audit.usageMessage().description("Go through the entries of a Plimsoll baseline and mark each a true"
                + " positive (a real secret: rotate it) or a false positive; the verdicts are stored in the file.");
        audit.addPositional(PositionalParamSpec.builder().index("0").paramLabel("BASELINE").type(Path.class)
                .required(true).description("The baseline file.").build());
        audit.addOption(OptionSpec.builder("--all").description("Ask about entries already audited too.").build());
        return audit;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        if (parsed.subcommand() != null) {
            return audit(parsed.subcommand());
        }
        ScanOptions options = ScanOptions.from(parsed, "table");
        console.configure(options.quiet(), options.debug());
        options.output().reporter();
        options.moreOutputs().forEach(OutputOptions::reporter);
        Path dir = Path.of((String) parsed.matchedPositionalValue(0, "."));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("DIR: no such directory: " + dir);
        }
        boolean git = parsed.hasMatchedOption("--git");
        Optional<String> since = Optional.ofNullable(parsed.matchedOptionValue("--since", null));
        if (since.isPresent() && !git) {
            throw new UsageException("--since needs --git");
        }
        PolicyOptions po = options.policy();
        Optional<Path> baselineFile = po.baselineFile();
        PolicyOptions withoutBaseline = new PolicyOptions(true, po.policyFile(), po.ignoreFile(), Optional.empty(),
                po.vexFiles());
        PolicyOptions.Resolved policy = withoutBaseline.resolve(console.host().workingDir(), console);

        ScanResult result;
        SecretScanners.Configured scanner = SecretScanners.customised(policy.policy(), console.host().env())
                ? SecretScanners.from(policy.policy(), console.host().env())
                : new SecretScanners.Configured(SecretScanner.withDefaults(), List.of(), List.of());
        scanner.notes().forEach(console::warn);
        if (git) {
            Target target = new Target(Target.Kind.REPOSITORY, dir.toString());
            GitHistoryScanner.Result r = new GitHistoryScanner(scanner.scanner(), scanner.allowedCommits())
                    .scan(dir, since, target);
            console.info("git: " + r.commits() + " commit(s) read, " + r.findings().size() + " secret(s) found");
            result = new ScanResult(target, new Inventory(target, Optional.empty(), Optional.empty(), List.of(),
                    List.of()), new ArrayList<>(r.findings()), r.problems());
        } else {
            ScanRequest request = new ScanRequest(new ImageSource.RootfsDir(dir), Platform.LINUX_AMD64,
                    PathSkips.NONE, Target.Kind.FILESYSTEM);
            result = ScanRunner.scan(console, options.withSkips(FsCommand.relativeTo(dir, options.skips())), request,
                    new Builtins(List.of(new SecretsAnalyzer(scanner.scanner()))));
        }
        if (baselineFile.isPresent()) {
            Path file = baselineFile.get();
            Baseline baseline;
            if (Files.isRegularFile(file) && SecretSuppressions.isPlimsollBaseline(file)) {
                baseline = Baseline.read(file);
            } else {
                List<SecretSuppressions.Entry> entries = SecretSuppressions.read(file);
                baseline = SecretSuppressions.toBaseline(entries, result.findings(), file.toString());
                console.info("baseline: " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies")
                        + " imported from " + file + ", matching " + baseline.fingerprints().size() + " finding(s)");
            }
            policy = new PolicyOptions.Resolved(policy.policy(), Optional.of(baseline), policy.vex());
        }
        Path write = parsed.matchedOptionValue("--write-baseline", null);
        if (write != null) {
            ScanResult judged = ScanRunner.applyPolicy(console, policy, result).result();
            new OutputOptions("table", write).write(out -> Baseline.write(judged.findings(),
                    console.clock().instant(), out), console.out());
            console.info("baseline: " + judged.findings().size() + " secret(s) written to " + write);
            return judged.complete() ? ExitCode.OK : ExitCode.INCOMPLETE;
        }
        return ScanRunner.report(console, options, policy, result, parsed.matchedOptionValue("--exit-code", 1));
    }

    /** Asks about each entry on stdin; y = true positive, n = false positive, s = skip, q = stop (saving). */
    private int audit(ParseResult audit) throws IOException {
        Path file = audit.matchedPositionalValue(0, null);
        Baseline.read(file); // a clear error for what is not a baseline
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(file.toFile());
        boolean all = audit.hasMatchedOption("--all");
        BufferedReader in = new BufferedReader(new InputStreamReader(console.host().in(), StandardCharsets.UTF_8));
        int asked = 0;
        int marked = 0;
        JsonNode findings = root.path("findings");
        outer:
        for (int i = 0; i < findings.size(); i++) {
            ObjectNode entry = (ObjectNode) findings.get(i);
            if (!all && entry.has("verdict")) {
                continue;
            }
            asked++;
            console.out().println("[" + (i + 1) + "/" + findings.size() + "] " + entry.path("id").asText() + " at "
                    + entry.path("where").asText() + (entry.has("secret") ? " " + entry.path("secret").asText() : "")
                    + (entry.has("verdict") ? " (now: " + entry.path("verdict").asText() + ")" : ""));
            while (true) {
                console.out().print("  a real secret? [y]es (true positive) / [n]o (false positive) / [s]kip /"
                        + " [q]uit: ");
                console.out().flush();
                String answer = in.readLine();
                if (answer == null) {
                    break outer;
                }
                switch (answer.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "y", "yes" -> {
                        entry.put("verdict", "true-positive");
                        marked++;
                    }
                    case "n", "no" -> {
                        entry.put("verdict", "false-positive");
                        marked++;
                    }
                    case "s", "skip", "" -> {
                    }
                    case "q", "quit" -> {
                        break outer;
                    }
                    default -> {
                        continue;
                    }
                }
                break;
            }
        }
        if (marked > 0) {
            writeAudited(root, file);
        }
        long truePositives = 0;
        for (JsonNode f : findings) {
            if (f.path("verdict").asText().equals("true-positive")) {
                truePositives++;
            }
        }
        console.info("audit: " + marked + " of " + asked + " entr" + (asked == 1 ? "y" : "ies") + " marked; "
                + truePositives + " true positive(s) in " + file + (truePositives > 0 ? ": rotate them" : ""));
        return ExitCode.OK;
    }

    /** The baseline's own layout: one entry a line, so that diffs of it read well. */
    private static void writeAudited(JsonNode root, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder("{\n  \"plimsollBaseline\": 1,\n  \"created\": ")
                .append(json.writeValueAsString(root.path("created").asText())).append(",\n  \"findings\": [");
        boolean first = true;
        for (JsonNode f : root.path("findings")) {
            sb.append(first ? "\n    " : ",\n    ").append(json.writeValueAsString(f));
            first = false;
        }
        sb.append(first ? "]\n}\n" : "\n  ]\n}\n");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

}
