package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.11: ensure base device size is not changed until needed. */
public final class NoBaseDeviceSize extends DaemonCheck {
    public NoBaseDeviceSize() {
        super("2.11", "Ensure base device size is not changed until needed", Severity.LOW, "2", true,
                "Remove --storage-opt dm.basesize unless needed.",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "storage-opts", "none");
        return c.list("storage-opts").stream().anyMatch(o -> o.strip().startsWith("dm.basesize"))
                ? CheckResult.fail("dm.basesize is set", e)
                : CheckResult.pass("the base device size is not changed", e);
    }
}
