package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;

/** CIS 7.2: ensure that swarm services are bound to a specific host interface. */
public final class SwarmListenAddress extends SwarmCheck {
    public SwarmListenAddress() {
        super("7.2", "Ensure that swarm services are bound to a specific host interface", Severity.MEDIUM, true,
                "Re-initialise the swarm with --listen-addr on a specific interface.");
    }

    @Override
    protected CheckResult evaluate(SwarmState swarm) {
        Evidence e = new Evidence(swarm.stateFile(), "ListenAddr", swarm.listenAddr().orElse("unset (0.0.0.0:2377)"));
        String addr = swarm.listenAddr().orElse("0.0.0.0:2377");
        int colon = addr.lastIndexOf(':');
        String host = colon < 0 ? addr : addr.substring(0, colon);
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")
                ? CheckResult.fail("the swarm listens on every interface", e)
                : CheckResult.pass("the swarm listens on " + addr, e);
    }
}
