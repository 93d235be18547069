package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;
import java.util.Set;

/**
 * PSS restricted "Seccomp": a RuntimeDefault or Localhost profile must be set, at pod level (containers may then
 * leave it unset) or in every container, and no level may set another type. Windows pods are exempt, as Pod
 * Security Admission exempts them since 1.25.
 */
public final class SeccompProfileRestricted implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("seccompProfile_restricted", PssMeta.RESTRICTED, "Seccomp",
            Severity.MEDIUM, "Set securityContext.seccompProfile.type: RuntimeDefault (or Localhost) in the pod spec.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        if (workload.windows()) {
            return Windows.exempt(workload);
        }
        Violations violations = new Violations(workload);
        boolean podSet = SeccompProfileBaseline.check(workload.podSecurityContext(),
                workload.path("securityContext"), violations);
        for (PodContainer c : workload.containers()) {
            if (!Violations.isSet(c.securityContext().path("seccompProfile"))) {
                if (!podSet) {
                    violations.add(c.path("securityContext.seccompProfile.type"),
                            "(not set, nor RuntimeDefault/Localhost at pod level)");
                }
            } else {
                SeccompProfileBaseline.check(c.securityContext(), c.path("securityContext"), violations);
            }
        }
        return violations.verdict("every container has a RuntimeDefault or Localhost seccomp profile",
                "containers without an allowed seccomp profile");
    }
}
