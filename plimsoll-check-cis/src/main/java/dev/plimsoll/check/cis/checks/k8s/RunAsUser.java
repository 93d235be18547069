package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/**
 * PSS restricted "Running as Non-root user": neither the pod nor a container sets {@code runAsUser: 0}; any value is
 * allowed when the pod runs in its own user namespace ({@code hostUsers: false}, Kubernetes 1.35+).
 */
public final class RunAsUser implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("runAsUser", PssMeta.RESTRICTED, "Running as Non-root user",
            Severity.MEDIUM, "Do not set runAsUser: 0; use a non-zero UID.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        if (workload.userNamespace()) {
            return UserNamespace.exempt(workload, ", where UID 0 is not the host's root");
        }
        Violations violations = new Violations(workload);
        if (isRoot(workload.podSecurityContext().path("runAsUser"))) {
            violations.add(workload.path("securityContext.runAsUser"), "0");
        }
        for (PodContainer c : workload.containers()) {
            if (isRoot(c.securityContext().path("runAsUser"))) {
                violations.add(c.path("securityContext.runAsUser"), "0");
            }
        }
        return violations.verdict("no runAsUser: 0", "runAsUser is 0");
    }

    private static boolean isRoot(JsonNode uid) {
        return uid.isIntegralNumber() && uid.bigIntegerValue().signum() == 0;
    }
}
