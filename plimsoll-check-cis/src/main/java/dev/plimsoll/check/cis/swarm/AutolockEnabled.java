package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.5: ensure that swarm manager is run in auto-lock mode. */
public final class AutolockEnabled extends SwarmCheck {
    public AutolockEnabled() {
        super("7.5", "Ensure that swarm manager is run in auto-lock mode", Severity.MEDIUM, true,
                "docker swarm update --autolock=true");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        if (swarm.keyEncrypted().isEmpty()) {
            return CheckResult.info("no node key in the swarm state to tell", new Evidence(swarm.stateFile(),
                    "swarm-node.key", "absent"));
        }
        Evidence e = new Evidence("swarm/certificates/swarm-node.key", "encrypted",
                swarm.keyEncrypted().get().toString());
        return swarm.keyEncrypted().get()
                ? CheckResult.pass("the node key is encrypted: auto-lock is on", e)
                : CheckResult.fail("the node key is stored in clear: auto-lock is off", e);
    }
}
