package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.17: /usr/bin/containerd-shim-runc-v2 is audited. */
public final class AuditContainerdShimRuncV2 extends AuditedPathCheck {
    public AuditContainerdShimRuncV2() {
        super("1.1.17", "/usr/bin/containerd-shim-runc-v2", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/usr/bin/containerd-shim-runc-v2";
    }
}
