package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.20: ensure that the /etc/default/docker file permissions are set to 644 or more restrictively. */
public final class EtcDefaultDockerPermissions extends FileCheck {
    public EtcDefaultDockerPermissions() {
        super("3.20", "Ensure that the /etc/default/docker file permissions are set to 644 or more restrictively", Severity.MEDIUM, FileKind.REGULAR, new ModeAtMost(0644),
                "chmod 644 /etc/default/docker");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of("/etc/default/docker");
    }
}
