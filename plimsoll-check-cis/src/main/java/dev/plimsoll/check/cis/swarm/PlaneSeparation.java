package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.9: ensure that management plane traffic is separated from data plane traffic. */
public final class PlaneSeparation extends SwarmCheck {
    public PlaneSeparation() {
        super("7.9", "Ensure that management plane traffic is separated from data plane traffic", Severity.LOW, false,
                "Initialise the swarm with --advertise-addr and a different --data-path-addr.");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        Evidence e = new Evidence(swarm.stateFile(), "DataPathAddr", swarm.dataPathAddr().orElse("unset"));
        return swarm.dataPathAddr().isPresent() && !swarm.dataPathAddr().equals(swarm.advertiseAddr())
                ? CheckResult.pass("data traffic uses " + swarm.dataPathAddr().get(), e)
                : CheckResult.info("data and management traffic share the advertise address", e);
    }
}
