package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/**
 * K8S-5: the pod does not mount a service-account API token unless it needs one
 * ({@code automountServiceAccountToken: false}). Only the pod is seen: a ServiceAccount that disables automounting
 * is not, so an unset field fails with a reason saying so.
 */
public final class ServiceAccountTokenAutomount implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("K8S-5", PssMeta.HARDENING,
            "Ensure service-account tokens are mounted only where needed", Severity.MEDIUM,
            "Set automountServiceAccountToken: false in the pod spec (or on its ServiceAccount) unless the "
                    + "workload calls the Kubernetes API.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        JsonNode value = workload.podSpec().path("automountServiceAccountToken");
        String path = workload.path("automountServiceAccountToken");
        if (Violations.isFalse(value)) {
            return CheckResult.pass("the pod does not mount a service-account token",
                    new dev.plimsoll.check.cis.Evidence(workload.file(), path, "false"));
        }
        Violations violations = new Violations(workload);
        violations.add(path, Violations.isSet(value) ? Violations.show(value)
                : Violations.NOT_SET + ": mounted unless the ServiceAccount disables it");
        return violations.verdict("", "the pod mounts a service-account token");
    }
}
