package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Target;

/**
 * Section 2 on one daemon configuration. The target is {@code Target.Kind.HOST} named after the daemon
 * ("dockerd on /"): the daemon is the host's, and the core has no kind of its own for it.
 */
public final class DaemonAudit {
    private DaemonAudit() {
    }

    public static TargetAudit audit(DaemonConfig config) {
        return TargetAudit.run(new Target(Target.Kind.HOST, config.name()), DaemonChecks.standard(), config);
    }
}
