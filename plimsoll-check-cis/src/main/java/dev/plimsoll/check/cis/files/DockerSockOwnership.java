package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.HostFactsCollector;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.15: ensure that the Docker socket file ownership is set to root:docker. */
public final class DockerSockOwnership extends FileCheck {
    public DockerSockOwnership() {
        super("3.15", "Ensure that the Docker socket file ownership is set to root:docker", Severity.HIGH, FileKind.SOCKET, new Owned("root", "docker"),
                "chown root:docker /var/run/docker.sock");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of(HostFactsCollector.dockerSocket(facts.daemon()));
    }
}
