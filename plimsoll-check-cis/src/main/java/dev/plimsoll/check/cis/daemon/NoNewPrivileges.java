package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.14: ensure containers are restricted from acquiring new privileges. */
public final class NoNewPrivileges extends DaemonCheck {
    public NoNewPrivileges() {
        super("2.14", "Ensure containers are restricted from acquiring new privileges", Severity.MEDIUM, "1", true,
                "Set \"no-new-privileges\": true (--no-new-privileges).",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "no-new-privileges", "false");
        return c.bool("no-new-privileges", false)
                ? CheckResult.pass("containers cannot gain new privileges by default", e)
                : CheckResult.fail("no-new-privileges is not the default", e);
    }
}
