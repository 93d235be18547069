package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/**
 * PSS restricted "/proc Mount Type" (Kubernetes 1.35+): containers keep the default masked /proc even in a user
 * namespace, where the baseline check relents.
 */
public final class ProcMountRestricted implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("procMount_restricted", PssMeta.RESTRICTED, "/proc Mount Type",
            Severity.MEDIUM, "Remove securityContext.procMount or set it to Default.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        return ProcMount.unmaskedProcMounts(workload).verdict("every container keeps the default /proc mount",
                "containers unmask /proc");
    }
}
