package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.15: ensure live restore is enabled. */
public final class LiveRestore extends DaemonCheck {
    public LiveRestore() {
        super("2.15", "Ensure live restore is enabled", Severity.LOW, "1", true,
                "Set \"live-restore\": true (--live-restore).",
                Optional.of("docker-bench-security asks the running engine; Plimsoll judges the configuration."));
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "live-restore", "false");
        return c.bool("live-restore", false)
                ? CheckResult.pass("live restore is on", e)
                : CheckResult.fail("live restore is off", e);
    }
}
