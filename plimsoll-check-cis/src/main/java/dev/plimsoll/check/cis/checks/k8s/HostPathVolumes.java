package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/** PSS baseline "HostPath Volumes": no volume may be a {@code hostPath}. */
public final class HostPathVolumes implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("hostPathVolumes", PssMeta.BASELINE, "HostPath Volumes",
            Severity.HIGH, "Replace hostPath volumes with emptyDir, configMap, secret or persistent volume claims.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        JsonNode volumes = workload.podSpec().path("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode hostPath = volumes.get(i).path("hostPath");
            if (Violations.isSet(hostPath)) {
                violations.add(workload.path("volumes[" + i + "].hostPath"), hostPath.path("path"));
            }
        }
        return violations.verdict("no hostPath volume", "hostPath volumes");
    }
}
