package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.6: sshd does not run in the container; only the running container's processes tell. */
public final class SshdCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.6",
            "Ensure sshd is not run within containers", Severity.MEDIUM, "1",
            "Uninstall the SSH daemon from the image and use docker exec to enter a container.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return CheckResult.note("needs the running container's processes: check that `docker exec "
                + config.name() + " ps -el` lists no sshd, and that the image does not start one");
    }
}
