package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.6: ensure that /etc/docker directory permissions are set to 755 or more restrictively. */
public final class EtcDockerPermissions extends FileCheck {
    public EtcDockerPermissions() {
        super("3.6", "Ensure that /etc/docker directory permissions are set to 755 or more restrictively", Severity.MEDIUM, FileKind.DIRECTORY, new ModeAtMost(0755),
                "chmod 755 /etc/docker");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of("/etc/docker");
    }
}
