package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;
import java.util.Set;

/**
 * PSS restricted "Running as Non-root": {@code runAsNonRoot: true} at pod level (containers may then leave it unset)
 * or in every container, and never {@code false}; any value is allowed when the pod runs in its own user namespace
 * ({@code hostUsers: false}, Kubernetes 1.35+).
 */
public final class RunAsNonRoot implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("runAsNonRoot", PssMeta.RESTRICTED, "Running as Non-root",
            Severity.MEDIUM, "Set securityContext.runAsNonRoot: true in the pod spec (or in every container).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        if (workload.userNamespace()) {
            return UserNamespace.exempt(workload, ", where root is not the host's root");
        }
        Violations violations = new Violations(workload);
        JsonNode podValue = workload.podSecurityContext().path("runAsNonRoot");
        boolean podNonRoot = Violations.isTrue(podValue);
        if (Violations.isSet(podValue) && !podNonRoot) {
            violations.add(workload.path("securityContext.runAsNonRoot"), podValue);
        }
        for (PodContainer c : workload.containers()) {
            JsonNode value = c.securityContext().path("runAsNonRoot");
            if (Violations.isSet(value) ? !Violations.isTrue(value) : !podNonRoot) {
                violations.add(c.path("securityContext.runAsNonRoot"),
                        Violations.isSet(value) ? Violations.show(value) : "(not set, nor true at pod level)");
            }
        }
        return violations.verdict("every container is required to run as a non-root user",
                "containers may run as root");
    }
}
