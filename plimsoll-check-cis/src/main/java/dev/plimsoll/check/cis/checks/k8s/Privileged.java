package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/** PSS baseline "Privileged Containers": no container may set {@code securityContext.privileged: true}. */
public final class Privileged implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("privileged", PssMeta.BASELINE, "Privileged Containers",
            Severity.CRITICAL, "Remove securityContext.privileged (or set it to false) in every container.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        for (PodContainer c : workload.containers()) {
            if (Violations.isTrue(c.securityContext().path("privileged"))) {
                violations.add(c.path("securityContext.privileged"), "true");
            }
        }
        return violations.verdict("no container is privileged", "privileged containers");
    }
}
