package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.10: ensure the default cgroup usage has been confirmed. */
public final class DefaultCgroupParent extends DaemonCheck {
    public DefaultCgroupParent() {
        super("2.10", "Ensure the default cgroup usage has been confirmed", Severity.LOW, "2", true,
                "Leave cgroup-parent at its default unless needed; confirm a set one.",
                Optional.of("docker-bench-security's daemon.json test for cgroup-parent ('grep -v \"\"') never matches, so it only sees the flag; Plimsoll reads the key too."));
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "cgroup-parent", "the daemon's own cgroup");
        return c.text("cgroup-parent").isPresent()
                ? CheckResult.fail("cgroup-parent is changed: confirm it", e)
                : CheckResult.pass("the default cgroup parent is used", e);
    }
}
