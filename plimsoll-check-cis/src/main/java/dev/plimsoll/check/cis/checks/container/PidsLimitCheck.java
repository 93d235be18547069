package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.28: the container's number of processes is limited. */
public final class PidsLimitCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.28",
            "Ensure that the PIDs cgroup limit is used", Severity.MEDIUM, "1",
            "Run the container with --pids-limit set to what it needs (pids_limit).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        var limit = config.resources().pidsLimit();
        if (limit.isEmpty()) {
            return CheckResult.fail("no PIDs limit", ContainerMeta.evidence(config, RunField.PIDS_LIMIT, "unlimited"));
        }
        return CheckResult.pass("PIDs limited",
                ContainerMeta.evidence(config, RunField.PIDS_LIMIT, Long.toString(limit.getAsLong())));
    }
}
