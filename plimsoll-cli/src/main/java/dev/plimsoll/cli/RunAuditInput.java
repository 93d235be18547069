package dev.plimsoll.cli;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.ContainerAudit;
import dev.plimsoll.check.cis.input.dockerrun.DockerRunParser;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll audit run FILE… | --line 'docker run …'}: CIS section 5 on the containers that {@code docker run}
 * and {@code docker create} command lines would start, read as the Docker CLI parses its flags; nothing is run.
 */
final class RunAuditInput implements AuditInput {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("run");
        spec.usageMessage().description("Audit docker run / docker create command lines (in shell scripts, CI"
                + " files or given with --line) against CIS section 5. Nothing is executed.");
        spec.addPositional(PositionalParamSpec.builder().index("0..*").paramLabel("FILE").type(String[].class)
                .arity("0..*").description("Scripts holding docker run lines; other lines are ignored.").build());
        spec.addOption(OptionSpec.builder("--line").paramLabel("COMMAND").type(String[].class)
                .description("A docker run command line; repeatable.").build());
        return spec;
    }

    @Override
    public Target target(ParseResult parsed) {
        List<String> files = files(parsed);
        return new Target(Target.Kind.CONTAINER, files.isEmpty() ? "docker run" : String.join(", ", files));
    }

    @Override
    public AuditRun audit(AuditRequest request) {
        ParseResult parsed = request.parsed();
        List<String> files = files(parsed);
        String[] lines = parsed.matchedOptionValue("--line", new String[0]);
        if (files.isEmpty() && lines.length == 0) {
            throw new UsageException("audit run: give script FILEs or --line 'docker run …'");
        }
        Loaded<RunConfig> configs = new Loaded<>(List.of(), List.of());
        for (String f : files) {
            if (!Files.isRegularFile(Path.of(f))) {
                throw new UsageException("FILE: no such file: " + f);
            }
            configs = configs.plus(DockerRunParser.read(Path.of(f)));
        }
        for (int i = 0; i < lines.length; i++) {
            configs = configs.plus(DockerRunParser.parse("--line " + (i + 1), lines[i]));
        }
        return ContainerAudit.standard(request.checks()).audit(configs);
    }

    private static List<String> files(ParseResult parsed) {
        return List.of(parsed.<String[]>matchedPositionalValue(0, new String[0]));
    }
}
