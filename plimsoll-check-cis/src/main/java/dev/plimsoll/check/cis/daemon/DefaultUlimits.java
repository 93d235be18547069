package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.8: ensure the default ulimit is configured appropriately. */
public final class DefaultUlimits extends DaemonCheck {
    public DefaultUlimits() {
        super("2.8", "Ensure the default ulimit is configured appropriately", Severity.LOW, "1", false,
                "Set default-ulimits (--default-ulimit nofile=100:200) as your policy requires.",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "default-ulimits", "the daemon's own limits");
        return c.list("default-ulimits").isEmpty()
                ? CheckResult.info("no default ulimit is set", e)
                : CheckResult.pass("default ulimits are set", e);
    }
}
