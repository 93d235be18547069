package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.16: /usr/bin/containerd-shim-runc-v1 is audited. */
public final class AuditContainerdShimRuncV1 extends AuditedPathCheck {
    public AuditContainerdShimRuncV1() {
        super("1.1.16", "/usr/bin/containerd-shim-runc-v1", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/usr/bin/containerd-shim-runc-v1";
    }
}
