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
 * PSS restricted "Privilege Escalation": every container sets {@code allowPrivilegeEscalation: false}. Windows pods
 * ({@code spec.os.name: windows}) are exempt, as Pod Security Admission exempts them since 1.25.
 */
public final class AllowPrivilegeEscalation implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("allowPrivilegeEscalation", PssMeta.RESTRICTED,
            "Privilege Escalation", Severity.MEDIUM,
            "Set securityContext.allowPrivilegeEscalation: false in every container.");

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
        for (PodContainer c : workload.containers()) {
            JsonNode value = c.securityContext().path("allowPrivilegeEscalation");
            if (!Violations.isFalse(value)) {
                violations.add(c.path("securityContext.allowPrivilegeEscalation"), value);
            }
        }
        return violations.verdict("every container sets allowPrivilegeEscalation: false",
                "containers may escalate privileges");
    }
}
