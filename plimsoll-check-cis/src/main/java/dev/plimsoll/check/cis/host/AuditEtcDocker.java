package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.6: /etc/docker is audited. */
public final class AuditEtcDocker extends AuditedPathCheck {
    public AuditEtcDocker() {
        super("1.1.6", "/etc/docker", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/etc/docker";
    }
}
