package dev.plimsoll.cli;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.audit.AuditFindings;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.CheckSelection;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll audit INPUT …}: the CIS Docker Benchmark (and the Kubernetes workload checks) on containers,
 * Compose services, docker run lines, manifests, a host, a daemon or an image. Each input is a subcommand
 * ({@link AuditInput}); this frame gives them the same options, policy, reports and exit codes as the scanning
 * commands: every evaluated check is a compliance finding, only a FAIL can fail the policy, and an input target that
 * could not be read makes the report incomplete (exit 4) while the others are still audited.
 */
final class AuditCommand implements CliCommand {
    private final Console console;
    private final Map<String, AuditInput> inputs = new LinkedHashMap<>();

    AuditCommand(Console console, List<AuditInput> inputs) {
        this.console = console;
        for (AuditInput input : inputs) {
            String name = input.spec().name();
            if (this.inputs.putIfAbsent(name, input) != null) {
                throw new IllegalArgumentException("two audit inputs named " + name);
            }
        }
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Audit run-time configuration against the CIS Docker Benchmark v1.6.0 (as"
                + " docker-bench-security 1.6.0 numbers it) and, for Kubernetes workloads, the Pod Security"
                + " Standards. Every check is reported with its status (PASS, FAIL, INFO, NOTE, N/A); only FAIL can"
                + " fail the policy. Give the input as a subcommand; without one, this host is audited as"
                + " docker-bench-security audits it: its files from / (as 'audit host') and the running containers"
                + " of the local Docker Engine when there is one (as 'audit container'), in one report.");
        for (AuditInput input : inputs.values()) {
            spec.addSubcommand(input.spec().name(), withSharedOptions(input.spec()));
        }
        return withSharedOptions(spec);
    }

    /** The options every input shares, added to its own (an input that already declares one keeps its own). */
    static CommandSpec withSharedOptions(CommandSpec spec) {
        if (spec.findOption("--help") == null) {
            ScanOptions.addHelp(spec);
        }
        if (spec.findOption("--checks") == null) {
            spec.addOption(OptionSpec.builder("--checks").paramLabel("PATTERNS").type(String.class)
                    .description("Checks to run: ids (5.9), sections (5), prefixes (5.*), ranges (2.1-2.5) or *,"
                            + " comma-separated; !PATTERN excludes (--checks '5.*,!5.9'). Default: every check.")
                    .build());
        }
        if (spec.findOption("--policy") == null) {
            PolicyOptions.add(spec);
        }
        if (spec.findOption("--format") == null) {
            ScanOptions.addOutput(spec);
        }
        if (spec.findOption("--quiet") == null) {
            ScanOptions.addCommon(spec);
        }
        ExitCode.describeIn(spec);
        return spec;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        ParseResult sub = parsed.subcommand();
        if (sub == null) {
            return auditThisHost(parsed);
        }
        AuditInput input = inputs.get(sub.commandSpec().name());
        return audit(sub, "'audit " + sub.commandSpec().name() + "'", input.target(sub),
                checks -> input.audit(new AuditRequest(sub, console, checks)));
    }

    /** One audit's run: what {@code audit} does with the checks --checks selects. */
    private interface Run {
        AuditRun with(CheckSelection checks) throws IOException;
    }

    private int audit(ParseResult parsed, String what, Target target, Run audit) throws IOException {
        ScanOptions options = ScanOptions.from(parsed, "table");
        console.configure(options.quiet(), options.debug());
        options.output().reporter(); // a bad --format fails before the audit
        options.moreOutputs().forEach(OutputOptions::reporter);
        CheckSelection checks = CheckSelection.parse(parsed.matchedOptionValue("--checks", ""));
        PolicyOptions.Resolved policy = options.policy().resolve(console.host().workingDir(), console);
        AuditRun run = audit.with(checks);
        console.debugUptime("audit done: " + run.audits().size() + " target(s)");
        if (!run.audits().isEmpty() && run.audits().stream().allMatch(a -> a.results().isEmpty())) {
            throw new UsageException("--checks " + checks + " selects none of the checks of " + what);
        }
        for (InputProblem p : run.problems()) {
            console.warn("not audited: " + p);
        }
        return ScanRunner.report(console, options, policy, AuditFindings.scanResult(target, run), 0);
    }

    /**
     * {@code plimsoll audit} with no input, as docker-bench-security is run: every input that applies to this host,
     * each with the command line it gives for it, in one report.
     */
    private int auditThisHost(ParseResult parsed) throws IOException {
        Map<AuditInput, List<String>> applicable = new LinkedHashMap<>();
        for (AuditInput input : inputs.values()) {
            input.onThisHost(console).ifPresent(args -> applicable.put(input, args));
        }
        if (applicable.isEmpty()) {
            parsed.commandSpec().commandLine().usage(parsed.commandSpec().commandLine().getErr());
            console.error("audit: nothing on this host to audit without being told what: give one of "
                    + (inputs.isEmpty() ? "(no audit input is available)" : String.join(", ", inputs.keySet())));
            return ExitCode.USAGE;
        }
        List<String> names = applicable.keySet().stream().map(i -> i.spec().name()).toList();
        Target target = new Target(Target.Kind.HOST, "this host (" + String.join(", ", names) + ")");
        return audit(parsed, "'audit' (" + String.join(", ", names) + ")", target, checks -> {
            List<TargetAudit> audits = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            for (Map.Entry<AuditInput, List<String>> e : applicable.entrySet()) {
                ParseResult own = new CommandLine(withSharedOptions(e.getKey().spec()))
                        .parseArgs(e.getValue().toArray(String[]::new));
                AuditRun run = e.getKey().audit(new AuditRequest(own, console, checks));
                audits.addAll(run.audits());
                problems.addAll(run.problems());
            }
            return new AuditRun(audits, problems);
        });
    }
}
