package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.14: the containerd binary (/usr/bin/containerd, or the one containerd.service starts) is audited. */
public final class AuditContainerdBinary extends AuditedPathCheck {
    public AuditContainerdBinary() {
        super("1.1.14", "/usr/bin/containerd", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return facts.containerdPath();
    }
}
