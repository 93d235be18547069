package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;
import java.util.List;

/** PSS baseline "Host Namespaces": {@code hostNetwork}, {@code hostPID} and {@code hostIPC} must not be true. */
public final class HostNamespaces implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("hostNamespaces", PssMeta.BASELINE, "Host Namespaces",
            Severity.HIGH, "Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Violations.isTrue(workload.podSpec().path(field))) {
                violations.add(workload.path(field), "true");
            }
        }
        return violations.verdict("the pod shares no host namespace", "the pod shares host namespaces");
    }
}
