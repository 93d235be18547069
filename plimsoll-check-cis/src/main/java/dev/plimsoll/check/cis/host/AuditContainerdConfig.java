package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.12: /etc/containerd/config.toml is audited. */
public final class AuditContainerdConfig extends AuditedPathCheck {
    public AuditContainerdConfig() {
        super("1.1.12", "/etc/containerd/config.toml", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/etc/containerd/config.toml";
    }
}
