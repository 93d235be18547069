package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.12: ensure that authorization for Docker client commands is enabled. */
public final class AuthorizationPlugins extends DaemonCheck {
    public AuthorizationPlugins() {
        super("2.12", "Ensure that authorization for Docker client commands is enabled", Severity.MEDIUM, "2", true,
                "Configure an authorization plugin (--authorization-plugin).",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "authorization-plugins", "none");
        return c.list("authorization-plugins").isEmpty()
                ? CheckResult.fail("no authorization plugin", e)
                : CheckResult.pass("authorization plugins are configured", e);
    }
}
