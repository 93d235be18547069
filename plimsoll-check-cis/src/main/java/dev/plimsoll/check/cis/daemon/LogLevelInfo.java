package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.3: ensure the logging level is set to 'info'. */
public final class LogLevelInfo extends DaemonCheck {
    public LogLevelInfo() {
        super("2.3", "Ensure the logging level is set to 'info'", Severity.LOW, "1", true,
                "Set \"log-level\": \"info\" and leave debug off.",
                Optional.of("docker-bench-security reads only log-level; \"debug\": true (or -D) makes dockerd log at debug whatever log-level says, so Plimsoll fails it."));
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        String level = c.logLevel();
        Evidence e = c.bool("debug", false) ? evidence(c, "debug", "false") : evidence(c, "log-level", "info");
        return level.equals("info")
                ? CheckResult.pass("the daemon logs at info", e)
                : CheckResult.fail("the daemon logs at " + level + ", not info", e);
    }
}
