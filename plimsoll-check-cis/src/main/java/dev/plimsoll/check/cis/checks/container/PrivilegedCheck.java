package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.4: the container is not privileged. */
public final class PrivilegedCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.4",
            "Ensure that privileged containers are not used", Severity.CRITICAL, "1",
            "Do not run containers with --privileged (privileged: true); grant the specific capabilities or "
                    + "devices needed instead.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        var ev = ContainerMeta.evidence(config, RunField.PRIVILEGED, Boolean.toString(config.privileged()));
        return config.privileged() ? CheckResult.fail("runs privileged: all capabilities and host devices", ev)
                : CheckResult.pass("not privileged", ev);
    }
}
