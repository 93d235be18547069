package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.HostFactsCollector;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.16: ensure that the Docker socket file permissions are set to 660 or more restrictively. */
public final class DockerSockPermissions extends FileCheck {
    public DockerSockPermissions() {
        super("3.16", "Ensure that the Docker socket file permissions are set to 660 or more restrictively", Severity.HIGH, FileKind.SOCKET, new ModeAtMost(0660),
                "chmod 660 /var/run/docker.sock");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of(HostFactsCollector.dockerSocket(facts.daemon()));
    }
}
