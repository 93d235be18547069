package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.11: the container's CPU is weighted (shares) or limited (CPUs). */
public final class CpuPriorityCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.11",
            "Ensure that CPU priority is set appropriately on containers", Severity.LOW, "1",
            "Set the container's CPU priority with --cpu-shares, or limit it with --cpus.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        var shares = config.resources().cpuShares();
        var cpus = config.resources().nanoCpus();
        if (shares.isPresent()) {
            return CheckResult.pass("CPU shares set",
                    ContainerMeta.evidence(config, RunField.CPU_SHARES, Long.toString(shares.getAsLong())));
        }
        if (cpus.isPresent()) {
            return CheckResult.pass("CPUs limited", ContainerMeta.evidence(config, RunField.CPUS,
                    cpus.getAsLong() / 1_000_000_000.0 + " CPUs"));
        }
        return CheckResult.fail("neither CPU shares nor a CPU limit set",
                ContainerMeta.evidence(config, RunField.CPU_SHARES, "default (1024)"));
    }
}
