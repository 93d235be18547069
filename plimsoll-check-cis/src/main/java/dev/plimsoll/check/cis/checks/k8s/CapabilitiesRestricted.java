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
 * PSS restricted "Capabilities": every container drops {@code ALL} and adds at most {@code NET_BIND_SERVICE}
 * (compared exactly, as Pod Security Admission does). Windows pods are exempt, as Pod Security Admission exempts them
 * since 1.25.
 */
public final class CapabilitiesRestricted implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("capabilities_restricted", PssMeta.RESTRICTED, "Capabilities",
            Severity.MEDIUM, "Set securityContext.capabilities.drop: [\"ALL\"] in every container and add back at "
                    + "most NET_BIND_SERVICE.");

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
            JsonNode capabilities = c.securityContext().path("capabilities");
            JsonNode drop = capabilities.path("drop");
            boolean dropsAll = false;
            for (JsonNode each : drop) {
                dropsAll |= Violations.text(each).equals("ALL");
            }
            if (!dropsAll) {
                violations.add(c.path("securityContext.capabilities.drop"), drop);
            }
            JsonNode add = capabilities.path("add");
            for (int i = 0; i < add.size(); i++) {
                if (!Violations.text(add.get(i)).equals("NET_BIND_SERVICE")) {
                    violations.add(c.path("securityContext.capabilities.add[" + i + "]"), add.get(i));
                }
            }
        }
        return violations.verdict("every container drops ALL and adds at most NET_BIND_SERVICE",
                "unrestricted capabilities");
    }
}
