package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/** K8S-3: every container mounts its root filesystem read-only (CIS Docker 5.13, for pods). */
public final class ReadOnlyRootFilesystem implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("K8S-3", PssMeta.HARDENING,
            "Ensure every container's root filesystem is mounted read-only", Severity.MEDIUM,
            "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process writes.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        for (PodContainer c : workload.containers()) {
            JsonNode value = c.securityContext().path("readOnlyRootFilesystem");
            if (!Violations.isTrue(value)) {
                violations.add(c.path("securityContext.readOnlyRootFilesystem"), value);
            }
        }
        return violations.verdict("every container's root filesystem is read-only",
                "containers with a writable root filesystem");
    }
}
