package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.9: enable user namespace support. */
public final class UsernsRemap extends DaemonCheck {
    public UsernsRemap() {
        super("2.9", "Enable user namespace support", Severity.MEDIUM, "2", true,
                "Set userns-remap (\"default\" or a user) and provide /etc/subuid and /etc/subgid.",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "userns-remap", "none");
        return c.text("userns-remap").isPresent()
                ? CheckResult.pass("user namespace remapping is on", e)
                : CheckResult.fail("user namespace remapping is off", e);
    }
}
