package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.3: ensure that all Docker swarm overlay networks are encrypted. */
public final class EncryptedOverlays extends SwarmCheck {
    public EncryptedOverlays() {
        super("7.3", "Ensure that all Docker swarm overlay networks are encrypted", Severity.MEDIUM, true,
                "Create overlay networks with --opt encrypted.");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        return CheckResult.note("list overlay networks with docker network ls --filter driver=overlay: the host root does not hold them");
    }
}
