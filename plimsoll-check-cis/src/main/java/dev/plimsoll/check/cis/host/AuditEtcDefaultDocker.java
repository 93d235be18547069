package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.10: /etc/default/docker is audited. */
public final class AuditEtcDefaultDocker extends AuditedPathCheck {
    public AuditEtcDefaultDocker() {
        super("1.1.10", "/etc/default/docker", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/etc/default/docker";
    }
}
