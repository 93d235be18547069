package dev.plimsoll.cli;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.ContainerAudit;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A test input for the audit frame: "memory" audits a fixed set of containers (a hardened one, a privileged one on
 * the host network, with --broken one more that could not be read), as a real input would after reading a file.
 */
final class InMemoryAuditInput implements AuditInput {
    private final String name;
    private final Optional<List<String>> onThisHost;

    /** "memory", which needs to be named (never audited by a bare {@code plimsoll audit}). */
    InMemoryAuditInput() {
        this("memory", Optional.empty());
    }

    /** An input called {@code name} that {@code plimsoll audit} alone runs with {@code onThisHost}, if given. */
    InMemoryAuditInput(String name, Optional<List<String>> onThisHost) {
        this.name = name;
        this.onThisHost = onThisHost;
    }

    @Override
    public Optional<List<String>> onThisHost(Console console) {
        return onThisHost;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().description("Audit built-in containers (tests).");
        // Declared here too, as an input may: the frame then leaves its own out.
        ScanOptions.addHelp(spec);
        spec.addOption(OptionSpec.builder("--broken").description("Also report a target that could not be read.")
                .build());
        spec.addOption(OptionSpec.builder("--only-hardened").description("Audit only the hardened container.")
                .build());
        return spec;
    }

    @Override
    public Target target(ParseResult parsed) {
        return new Target(Target.Kind.CONTAINER, name);
    }

    @Override
    public AuditRun audit(AuditRequest request) {
        List<RunConfig> configs = new ArrayList<>(List.of(hardened()));
        if (!request.parsed().hasMatchedOption("--only-hardened")) {
            configs.add(risky());
        }
        List<InputProblem> problems = request.parsed().hasMatchedOption("--broken")
                ? List.of(new InputProblem("memory.yaml", "services.db", "undefined variable DB_TAG"))
                : List.of();
        return ContainerAudit.standard(request.checks()).audit(new Loaded<>(configs, problems));
    }

    static RunConfig hardened() {
        return new RunConfig("web", "memory.yaml", Optional.of("nginx:1.25"), false, List.of(), List.of("ALL"),
                Optional.of("101"), new RunConfig.Namespaces("", "", "", "frontend", "", ""), List.of(), List.of(),
                List.of(new RunConfig.PortBinding("127.0.0.1", 8080, 80, "tcp")),
                new RunConfig.Resources(OptionalLong.of(1L << 28), OptionalLong.of(512), OptionalLong.empty(),
                        OptionalLong.of(100)), List.of(new RunConfig.Ulimit("nofile", 1024, 1024)),
                new RunConfig.SecurityOptions(Optional.empty(), Optional.empty(), List.of("type:svirt_apache_t"),
                        Optional.of(true), List.of()), true, Map.of(), new RunConfig.RestartPolicy("on-failure", 3),
                Optional.of(new RunConfig.HealthcheckSpec(List.of("CMD", "true"))), Optional.empty(), Map.of());
    }

    static RunConfig risky() {
        return new RunConfig("agent", "memory.yaml", Optional.of("agent:latest"), true, List.of(), List.of(),
                Optional.of("root"), new RunConfig.Namespaces("", "", "", "host", "", ""), List.of(), List.of(),
                List.of(), RunConfig.Resources.NONE, List.of(), RunConfig.SecurityOptions.DEFAULT, false, Map.of(),
                RunConfig.RestartPolicy.NONE, Optional.empty(), Optional.empty(),
                Map.of(RunField.PRIVILEGED, "services.agent.privileged"));
    }
}
