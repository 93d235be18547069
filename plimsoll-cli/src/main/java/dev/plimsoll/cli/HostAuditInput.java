package dev.plimsoll.cli;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.host.HostAudit;
import dev.plimsoll.check.cis.input.host.HostRoot;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll audit host [ROOT]}: CIS sections 1 (host), 2 (the daemon's effective configuration, when the root
 * has a Docker engine), 3 (daemon files), 6 and 7, on a live {@code /} or a captured copy of one.
 */
final class HostAuditInput implements AuditInput {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("host");
        spec.usageMessage().description("Audit a Docker host: its partitions, audit rules, the daemon's"
                + " configuration (unit file, /etc/default/docker, /etc/sysconfig/docker and daemon.json merged as"
                + " dockerd does) and the ownership and modes of Docker's files (CIS sections 1, 2, 3, 6, 7).");
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("ROOT").type(String.class)
                .arity("0..1").description("The host's root directory: / (default) or a captured copy.").build());
        return spec;
    }

    @Override
    public Target target(ParseResult parsed) {
        return new Target(Target.Kind.HOST, root(parsed).toString());
    }

    @Override
    public AuditRun audit(AuditRequest request) {
        Path root = root(request.parsed());
        if (!Files.isDirectory(root)) {
            throw new UsageException("ROOT: no such directory: " + root);
        }
        Loaded<TargetAudit> audited = HostAudit.audit(HostRoot.open(root));
        return AuditSelection.of(audited.items(), audited.problems(), request.checks());
    }

    /** Every host has its files: the root directory of this one. */
    @Override
    public java.util.Optional<java.util.List<String>> onThisHost(Console console) {
        return java.util.Optional.of(java.util.List.of("/"));
    }

    private static Path root(ParseResult parsed) {
        return Path.of((String) parsed.matchedPositionalValue(0, "/"));
    }
}
