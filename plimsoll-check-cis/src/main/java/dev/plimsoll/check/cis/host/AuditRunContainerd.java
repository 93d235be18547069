package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.4: /run/containerd is audited. */
public final class AuditRunContainerd extends AuditedPathCheck {
    public AuditRunContainerd() {
        super("1.1.4", "/run/containerd", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/run/containerd";
    }
}
