package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.17: ensure that a daemon-wide custom seccomp profile is applied if appropriate. */
public final class DaemonSeccompProfile extends DaemonCheck {
    public DaemonSeccompProfile() {
        super("2.17", "Ensure that a daemon-wide custom seccomp profile is applied if appropriate", Severity.LOW, "2", false,
                "Keep Docker's default seccomp profile or set seccomp-profile to a stricter one.",
                Optional.of("docker-bench-security asks the running engine for the default profile; Plimsoll judges seccomp-profile: default or builtin passes, unconfined fails, a custom profile is INFO to review."));
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "seccomp-profile", "builtin");
        String profile = c.text("seccomp-profile").orElse("builtin");
        if (profile.equals("builtin") || profile.equals("default")) {
            return CheckResult.pass("Docker's default seccomp profile applies", e);
        }
        if (profile.equals("unconfined")) {
            return CheckResult.fail("containers run without seccomp by default", e);
        }
        return CheckResult.info("a custom seccomp profile applies: review it", e);
    }
}
