package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/** K8S-2: every container sets {@code resources.limits.cpu} (CIS Docker 5.12's CPU limit, for pods). */
public final class CpuLimits implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("K8S-2", PssMeta.HARDENING,
            "Ensure every container has a CPU limit", Severity.LOW,
            "Set resources.limits.cpu in every container (and init container), e.g. 500m.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        return ResourceLimit.evaluate(workload, "cpu");
    }
}
