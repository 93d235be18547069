package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.6: ensure that the swarm manager auto-lock key is rotated periodically. */
public final class AutolockKeyRotated extends SwarmCheck {
    public AutolockKeyRotated() {
        super("7.6", "Ensure that the swarm manager auto-lock key is rotated periodically", Severity.LOW, false,
                "docker swarm unlock-key --rotate");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        return CheckResult.note("check the record of auto-lock key rotations");
    }
}
