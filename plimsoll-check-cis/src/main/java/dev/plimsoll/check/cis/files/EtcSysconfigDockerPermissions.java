package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.21: ensure that the /etc/sysconfig/docker file permissions are set to 644 or more restrictively. */
public final class EtcSysconfigDockerPermissions extends FileCheck {
    public EtcSysconfigDockerPermissions() {
        super("3.21", "Ensure that the /etc/sysconfig/docker file permissions are set to 644 or more restrictively", Severity.MEDIUM, FileKind.REGULAR, new ModeAtMost(0644),
                "chmod 644 /etc/sysconfig/docker");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of("/etc/sysconfig/docker");
    }
}
