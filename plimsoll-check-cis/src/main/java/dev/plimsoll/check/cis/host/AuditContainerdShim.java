package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.15: /usr/bin/containerd-shim is audited. */
public final class AuditContainerdShim extends AuditedPathCheck {
    public AuditContainerdShim() {
        super("1.1.15", "/usr/bin/containerd-shim", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/usr/bin/containerd-shim";
    }
}
