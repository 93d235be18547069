package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.8: ensure that CA certificates are rotated as appropriate. */
public final class CaCertsRotated extends SwarmCheck {
    public CaCertsRotated() {
        super("7.8", "Ensure that CA certificates are rotated as appropriate", Severity.LOW, false,
                "docker swarm ca --rotate");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        return CheckResult.note("check when the swarm CA was last rotated");
    }
}
