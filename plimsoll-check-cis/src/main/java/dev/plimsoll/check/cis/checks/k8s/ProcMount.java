package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/**
 * PSS baseline "/proc Mount Type": containers keep the default masked /proc, unless the pod runs in its own user
 * namespace ({@code hostUsers: false}, Kubernetes 1.35+), where any value is allowed.
 */
public final class ProcMount implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("procMount", PssMeta.BASELINE, "/proc Mount Type",
            Severity.HIGH, "Remove securityContext.procMount or set it to Default (or run the pod with hostUsers:"
                    + " false).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        if (workload.userNamespace()) {
            return UserNamespace.exempt(workload, ": any /proc mount type is allowed");
        }
        return unmaskedProcMounts(workload).verdict("every container keeps the default /proc mount",
                "containers unmask /proc");
    }

    /** Containers whose procMount is set to anything but Default: shared with the restricted variant. */
    static Violations unmaskedProcMounts(Workload workload) {
        Violations violations = new Violations(workload);
        for (PodContainer c : workload.containers()) {
            JsonNode procMount = c.securityContext().path("procMount");
            if (Violations.isSet(procMount) && !Violations.text(procMount).equals("Default")) {
                violations.add(c.path("securityContext.procMount"), procMount);
            }
        }
        return violations;
    }
}
