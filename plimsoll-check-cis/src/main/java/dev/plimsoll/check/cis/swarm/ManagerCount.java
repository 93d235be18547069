package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.1: ensure that the minimum number of manager nodes have been created in a swarm. */
public final class ManagerCount extends SwarmCheck {
    public ManagerCount() {
        super("7.1", "Ensure that the minimum number of manager nodes have been created in a swarm", Severity.MEDIUM, true,
                "Demote excess managers: docker node demote NODE.");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        return CheckResult.note("count the managers with docker node ls: the host root does not list the swarm's nodes");
    }
}
