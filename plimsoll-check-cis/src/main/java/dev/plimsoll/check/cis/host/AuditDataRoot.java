package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.5: the daemon's data root (/var/lib/docker unless data-root moves it) is audited. */
public final class AuditDataRoot extends AuditedPathCheck {
    public AuditDataRoot() {
        super("1.1.5", "/var/lib/docker", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return facts.daemon().dataRoot();
    }
}
