package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.19: ensure that the /etc/default/docker file ownership is set to root:root. */
public final class EtcDefaultDockerOwnership extends FileCheck {
    public EtcDefaultDockerOwnership() {
        super("3.19", "Ensure that the /etc/default/docker file ownership is set to root:root", Severity.MEDIUM, FileKind.REGULAR, new Owned("root", "root"),
                "chown root:root /etc/default/docker");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of("/etc/default/docker");
    }
}
