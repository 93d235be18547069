package dev.plimsoll.cli;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.ContainerAudit;
import dev.plimsoll.check.cis.input.engine.EngineClient;
import dev.plimsoll.check.cis.input.inspect.DockerInspectReader;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.dockerapi.EngineEndpoint;
import dev.plimsoll.dockerapi.EngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll audit container [FILE|-]}: CIS section 5 on containers described by {@code docker inspect} output
 * (a file or stdin), or, without FILE, on the containers of a live Docker Engine reached through its API socket.
 */
final class ContainerAuditInput implements AuditInput {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("container");
        spec.usageMessage().description("Audit containers against CIS section 5: from docker inspect output (the"
                + " CLI's JSON array or the Engine API's object), or the running containers of a Docker Engine.");
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("FILE").type(String.class)
                .arity("0..1").description("docker inspect output; - reads stdin. Without FILE: the engine at"
                        + " --docker-host.").build());
        EngineOptions.add(spec, "The engine's API");
        spec.addOption(OptionSpec.builder("--all").description("With an engine: stopped containers too.").build());
        return spec;
    }

    @Override
    public Target target(ParseResult parsed) {
        String file = parsed.matchedPositionalValue(0, null);
        return new Target(Target.Kind.CONTAINER, file == null ? "Docker Engine" : file.equals("-") ? "stdin" : file);
    }

    @Override
    public AuditRun audit(AuditRequest request) throws java.io.IOException {
        ParseResult parsed = request.parsed();
        String file = parsed.matchedPositionalValue(0, null);
        Loaded<RunConfig> configs;
        if (file != null) {
            if (EngineOptions.from(parsed).given() || parsed.hasMatchedOption("--all")) {
                throw new UsageException("FILE and --docker-host/--tls…/--all: give one source of containers");
            }
            if (file.equals("-")) {
                configs = DockerInspectReader.read("stdin", request.console().host().in());
            } else {
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    throw new UsageException("FILE: no such file: " + file);
                }
                configs = DockerInspectReader.read(path);
            }
        } else {
            EngineOptions options = EngineOptions.from(parsed);
            String host = options.dockerHostOrDefault(request.console());
            EngineClient engine;
            try {
                engine = EngineClient.connect(host, options.tls(request.console(), host));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--docker-host: " + e.getMessage());
            } catch (EngineException e) {
                // a TLS file that cannot be used: the message names it and the flag
                throw new UsageException(e.getMessage());
            }
            configs = engine.containers(parsed.hasMatchedOption("--all"));
        }
        return ContainerAudit.standard(request.checks()).audit(configs);
    }

    /**
     * The running containers of this host's engine, when $DOCKER_HOST names one or the default socket is there
     * (an engine that then does not answer is a problem in the report, not a failure of the whole audit).
     */
    @Override
    public java.util.Optional<java.util.List<String>> onThisHost(Console console) {
        boolean engine = console.host().env().containsKey("DOCKER_HOST")
                || Files.exists(Path.of(java.net.URI.create(EngineEndpoint.DEFAULT_HOST).getPath()));
        return engine ? java.util.Optional.of(java.util.List.of()) : java.util.Optional.empty();
    }
}
