package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.5: ensure that the /etc/docker directory ownership is set to root:root. */
public final class EtcDockerOwnership extends FileCheck {
    public EtcDockerOwnership() {
        super("3.5", "Ensure that the /etc/docker directory ownership is set to root:root", Severity.MEDIUM, FileKind.DIRECTORY, new Owned("root", "root"),
                "chown root:root /etc/docker");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of("/etc/docker");
    }
}
