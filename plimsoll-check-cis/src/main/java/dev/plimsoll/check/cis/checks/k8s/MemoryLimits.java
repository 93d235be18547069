package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/** K8S-1: every container sets {@code resources.limits.memory} (CIS Docker 5.11's memory limit, for pods). */
public final class MemoryLimits implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("K8S-1", PssMeta.HARDENING,
            "Ensure every container has a memory limit", Severity.MEDIUM,
            "Set resources.limits.memory in every container (and init container), e.g. 512Mi.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        return ResourceLimit.evaluate(workload, "memory");
    }
}
