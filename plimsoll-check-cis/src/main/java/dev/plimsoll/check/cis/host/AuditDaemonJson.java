package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.11: the daemon's configuration file (--config-file, default /etc/docker/daemon.json) is audited. */
public final class AuditDaemonJson extends AuditedPathCheck {
    public AuditDaemonJson() {
        super("1.1.11", "/etc/docker/daemon.json", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return facts.daemonJsonPath();
    }
}
