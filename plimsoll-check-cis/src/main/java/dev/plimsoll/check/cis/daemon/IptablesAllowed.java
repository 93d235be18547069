package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.4: ensure Docker is allowed to make changes to iptables. */
public final class IptablesAllowed extends DaemonCheck {
    public IptablesAllowed() {
        super("2.4", "Ensure Docker is allowed to make changes to iptables", Severity.MEDIUM, "1", true,
                "Remove --iptables=false / \"iptables\": false.",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "iptables", "true");
        return c.bool("iptables", true)
                ? CheckResult.pass("the daemon manages iptables", e)
                : CheckResult.fail("the daemon may not change iptables", e);
    }
}
