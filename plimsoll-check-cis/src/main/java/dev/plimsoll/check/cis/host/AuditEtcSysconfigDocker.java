package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.13: /etc/sysconfig/docker is audited. */
public final class AuditEtcSysconfigDocker extends AuditedPathCheck {
    public AuditEtcSysconfigDocker() {
        super("1.1.13", "/etc/sysconfig/docker", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/etc/sysconfig/docker";
    }
}
