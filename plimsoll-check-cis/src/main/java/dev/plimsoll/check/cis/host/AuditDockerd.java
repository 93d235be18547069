package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.3: the dockerd binary (/usr/bin/dockerd, or the one docker.service starts) is audited. */
public final class AuditDockerd extends AuditedPathCheck {
    public AuditDockerd() {
        super("1.1.3", "the Docker daemon binary", "1", "Ensure auditing is configured for the Docker daemon");
    }

    @Override
    protected String path(HostFacts facts) {
        return facts.dockerdPath();
    }
}
