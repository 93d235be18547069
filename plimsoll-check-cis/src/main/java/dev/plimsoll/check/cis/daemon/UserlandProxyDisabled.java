package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.16: ensure Userland Proxy is Disabled. */
public final class UserlandProxyDisabled extends DaemonCheck {
    public UserlandProxyDisabled() {
        super("2.16", "Ensure Userland Proxy is Disabled", Severity.LOW, "1", true,
                "Set \"userland-proxy\": false (--userland-proxy=false).",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "userland-proxy", "true");
        return c.bool("userland-proxy", true)
                ? CheckResult.fail("the userland proxy is on", e)
                : CheckResult.pass("the userland proxy is off", e);
    }
}
