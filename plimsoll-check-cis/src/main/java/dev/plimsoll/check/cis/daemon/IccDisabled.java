package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.2: ensure network traffic is restricted between containers on the default bridge. */
public final class IccDisabled extends DaemonCheck {
    public IccDisabled() {
        super("2.2", "Ensure network traffic is restricted between containers on the default bridge", Severity.MEDIUM, "1", true,
                "Set \"icc\": false in daemon.json (or --icc=false).",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "icc", "true");
        return c.bool("icc", true)
                ? CheckResult.fail("inter-container communication on the default bridge is allowed", e)
                : CheckResult.pass("inter-container communication on the default bridge is off", e);
    }
}
