package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.4: ensure that Docker's secret management commands are used for managing secrets in a swarm cluster. */
public final class SwarmSecrets extends SwarmCheck {
    public SwarmSecrets() {
        super("7.4", "Ensure that Docker's secret management commands are used for managing secrets in a swarm cluster", Severity.LOW, false,
                "Manage secrets with docker secret.");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        return CheckResult.note("review how services receive secrets (docker secret ls, service definitions)");
    }
}
