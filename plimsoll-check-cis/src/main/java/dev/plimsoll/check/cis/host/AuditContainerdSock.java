package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.8: containerd.sock is audited. */
public final class AuditContainerdSock extends AuditedPathCheck {
    public AuditContainerdSock() {
        super("1.1.8", "containerd.sock", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return HostFacts.CONTAINERD_SOCK;
    }
}
