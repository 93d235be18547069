package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.7: ensure that node certificates are rotated as appropriate. */
public final class NodeCertsRotated extends SwarmCheck {
    public NodeCertsRotated() {
        super("7.7", "Ensure that node certificates are rotated as appropriate", Severity.LOW, false,
                "docker swarm update --cert-expiry 48h");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        return CheckResult.note("check the node certificate expiry (docker info, Swarm: CA Configuration: Expiry Duration)");
    }
}
