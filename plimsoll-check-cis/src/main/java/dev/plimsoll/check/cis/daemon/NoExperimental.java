package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.18: ensure that experimental features are not implemented in production. */
public final class NoExperimental extends DaemonCheck {
    public NoExperimental() {
        super("2.18", "Ensure that experimental features are not implemented in production", Severity.LOW, "1", true,
                "Remove --experimental / \"experimental\": true.",
                Optional.of("docker-bench-security asks the running engine, and only for engines up to 19.03; Plimsoll judges the configuration of any version."));
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "experimental", "false");
        return c.bool("experimental", false)
                ? CheckResult.fail("experimental features are on", e)
                : CheckResult.pass("experimental features are off", e);
    }
}
