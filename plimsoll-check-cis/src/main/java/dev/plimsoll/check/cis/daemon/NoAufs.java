package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.6: ensure aufs storage driver is not used. */
public final class NoAufs extends DaemonCheck {
    public NoAufs() {
        super("2.6", "Ensure aufs storage driver is not used", Severity.MEDIUM, "1", true,
                "Use overlay2 instead of aufs.",
                Optional.of("docker-bench-security asks the running engine (docker info); Plimsoll judges the configured storage-driver, so a daemon left to choose passes."));
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "storage-driver", "chosen by the daemon, overlay2 on current kernels");
        return c.text("storage-driver").filter(d -> d.equals("aufs")).isPresent()
                ? CheckResult.fail("the aufs storage driver is configured", e)
                : CheckResult.pass("aufs is not configured", e);
    }
}
