package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.23: ensure that the Containerd socket file ownership is set to root:root. */
public final class ContainerdSockOwnership extends FileCheck {
    public ContainerdSockOwnership() {
        super("3.23", "Ensure that the Containerd socket file ownership is set to root:root", Severity.MEDIUM, FileKind.SOCKET, new Owned("root", "root"),
                "chown root:root /run/containerd/containerd.sock");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of(HostFacts.CONTAINERD_SOCK);
    }
}
