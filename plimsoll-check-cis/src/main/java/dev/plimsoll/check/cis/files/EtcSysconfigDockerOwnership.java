package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.22: ensure that the /etc/sysconfig/docker file ownership is set to root:root. */
public final class EtcSysconfigDockerOwnership extends FileCheck {
    public EtcSysconfigDockerOwnership() {
        super("3.22", "Ensure that the /etc/sysconfig/docker file ownership is set to root:root", Severity.MEDIUM, FileKind.REGULAR, new Owned("root", "root"),
                "chown root:root /etc/sysconfig/docker");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of("/etc/sysconfig/docker");
    }
}
