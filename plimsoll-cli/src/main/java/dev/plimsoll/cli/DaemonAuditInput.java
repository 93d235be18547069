package dev.plimsoll.cli;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.daemon.DaemonAudit;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.check.cis.input.daemon.DaemonConfigReader;
import dev.plimsoll.check.cis.input.host.HostRoot;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll audit daemon}: CIS section 2 on the daemon's effective configuration, read from a host root or
 * from the files a CI job has (a daemon.json and the dockerd command line).
 */
final class DaemonAuditInput implements AuditInput {
    /** daemon.json is small; a larger file is not one. */
    private static final long MAX_DAEMON_JSON = 1 << 20;

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("daemon");
        spec.usageMessage().description("Audit the Docker daemon's configuration (CIS section 2): the options of"
                + " daemon.json and dockerd's command line, merged as dockerd does; an option set both ways is"
                + " reported, since dockerd refuses to start then.");
        spec.addOption(OptionSpec.builder("--host-root").paramLabel("DIR").type(Path.class)
                .description("Read the configuration of the host whose root is DIR (/ for this host): the unit's"
                        + " ExecStart, /etc/default/docker, /etc/sysconfig/docker, /etc/docker/daemon.json.").build());
        spec.addOption(OptionSpec.builder("--daemon-json").paramLabel("FILE").type(Path.class)
                .description("A daemon.json to audit (without --host-root).").build());
        spec.addOption(OptionSpec.builder("--dockerd-args").paramLabel("ARGS").type(String.class)
                .description("dockerd's command-line options, as one string (without --host-root).").build());
        return spec;
    }

    @Override
    public Target target(ParseResult parsed) {
        Path hostRoot = parsed.matchedOptionValue("--host-root", null);
        Path json = parsed.matchedOptionValue("--daemon-json", null);
        return new Target(Target.Kind.HOST, hostRoot != null ? "dockerd on " + hostRoot
                : json != null ? json.toString() : "dockerd");
    }

    @Override
    public AuditRun audit(AuditRequest request) throws IOException {
        ParseResult parsed = request.parsed();
        Path hostRoot = parsed.matchedOptionValue("--host-root", null);
        Path json = parsed.matchedOptionValue("--daemon-json", null);
        String args = parsed.matchedOptionValue("--dockerd-args", null);
        Loaded<DaemonConfig> config;
        if (hostRoot != null) {
            if (json != null || args != null) {
                throw new UsageException("--host-root reads the host's own files: give it alone, or give"
                        + " --daemon-json and --dockerd-args without it");
            }
            if (!Files.isDirectory(hostRoot)) {
                throw new UsageException("--host-root: no such directory: " + hostRoot);
            }
            config = DaemonConfigReader.read(HostRoot.open(hostRoot));
        } else {
            if (json == null && args == null) {
                throw new UsageException("audit daemon: give --host-root DIR, or --daemon-json FILE and/or"
                        + " --dockerd-args ARGS");
            }
            Optional<DaemonConfigReader.JsonFile> file = Optional.empty();
            if (json != null) {
                if (!Files.isRegularFile(json)) {
                    throw new UsageException("--daemon-json: no such file: " + json);
                }
                if (Files.size(json) > MAX_DAEMON_JSON) {
                    throw new UsageException("--daemon-json: " + json + " is larger than 1 MiB; not a daemon.json");
                }
                file = Optional.of(new DaemonConfigReader.JsonFile(json.toString(),
                        Files.readString(json, StandardCharsets.UTF_8)));
            }
            List<DaemonConfigReader.Args> flags = new ArrayList<>();
            if (args != null) {
                flags.add(new DaemonConfigReader.Args("--dockerd-args",
                        Arrays.stream(args.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList()));
            }
            config = DaemonConfigReader.of(target(parsed).name(), flags, file);
        }
        return AuditSelection.of(config.items().stream().map(DaemonAudit::audit).toList(), config.problems(),
                request.checks());
    }
}
