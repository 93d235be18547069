package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.24: the container runs in the engine's default cgroup unless a parent was deliberately set. */
public final class CgroupParentCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.24",
            "Ensure that cgroup usage is confirmed", Severity.LOW, "1",
            "Do not use --cgroup-parent unless it is required, and confirm the parent cgroup is the intended one.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        var parent = config.cgroupParent().filter(p -> !p.isBlank());
        if (parent.isEmpty()) {
            return CheckResult.pass("the engine's default cgroup parent",
                    ContainerMeta.evidence(config, RunField.CGROUP_PARENT, "not set"));
        }
        return CheckResult.fail("runs under a custom cgroup parent: confirm it is intended",
                ContainerMeta.evidence(config, RunField.CGROUP_PARENT, parent.get()));
    }
}
