package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;
import java.util.Set;

/** CIS 2.13: ensure centralized and remote logging is configured. */
public final class RemoteLogging extends DaemonCheck {
    private static final Set<String> LOCAL_DRIVERS = Set.of("json-file", "local", "none");

    public RemoteLogging() {
        super("2.13", "Ensure centralized and remote logging is configured", Severity.LOW, "2", true,
                "Set log-driver to a remote driver (syslog, journald with forwarding, gelf, fluentd, awslogs, splunk...).",
                Optional.of("docker-bench-security asks the running engine and warns only on json-file; Plimsoll judges the configured driver and also fails local and none, which keep logs on the host or drop them."));
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "log-driver", "json-file");
        String driver = c.text("log-driver").orElse("json-file");
        return LOCAL_DRIVERS.contains(driver)
                ? CheckResult.fail("the " + driver + " log driver keeps logs on the host", e)
                : CheckResult.pass("logs go to the " + driver + " driver", e);
    }
}
