package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.10: the container's memory is limited. */
public final class MemoryLimitCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.10",
            "Ensure that the memory usage for containers is limited", Severity.MEDIUM, "1",
            "Run the container with only as much memory as it needs: --memory (mem_limit, resources.limits.memory).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        var memory = config.resources().memoryBytes();
        if (memory.isEmpty()) {
            return CheckResult.fail("no memory limit", ContainerMeta.evidence(config, RunField.MEMORY, "unlimited"));
        }
        return CheckResult.pass("memory limited",
                ContainerMeta.evidence(config, RunField.MEMORY, memory.getAsLong() + " bytes"));
    }
}
