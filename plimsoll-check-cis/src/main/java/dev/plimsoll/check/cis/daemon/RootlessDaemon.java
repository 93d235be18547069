package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.1: run the Docker daemon as a non-root user, if possible. */
public final class RootlessDaemon extends DaemonCheck {
    public RootlessDaemon() {
        super("2.1", "Run the Docker daemon as a non-root user, if possible", Severity.LOW, "1", false,
                "Run the daemon in rootless mode (dockerd-rootless-setuptool.sh install).",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        if (c.bool("rootless", false)) {
            return CheckResult.pass("the daemon runs rootless", evidence(c, "rootless", "false"));
        }
        return CheckResult.note("rootless mode is not configured: judge whether the daemon can run as a non-root user");
    }
}
