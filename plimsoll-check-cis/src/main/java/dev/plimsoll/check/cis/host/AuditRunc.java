package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;

/** CIS 1.1.18: /usr/bin/runc is audited. */
public final class AuditRunc extends AuditedPathCheck {
    public AuditRunc() {
        super("1.1.18", "/usr/bin/runc", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return "/usr/bin/runc";
    }
}
