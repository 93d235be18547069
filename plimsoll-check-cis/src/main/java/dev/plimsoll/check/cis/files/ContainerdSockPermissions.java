package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.24: ensure that the Containerd socket file permissions are set to 660 or more restrictively. */
public final class ContainerdSockPermissions extends FileCheck {
    public ContainerdSockPermissions() {
        super("3.24", "Ensure that the Containerd socket file permissions are set to 660 or more restrictively", Severity.MEDIUM, FileKind.SOCKET, new ModeAtMost(0660),
                "chmod 660 /run/containerd/containerd.sock");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of(HostFacts.CONTAINERD_SOCK);
    }
}
