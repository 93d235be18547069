package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/** PSS baseline "Host Ports": no container port may set a {@code hostPort} other than 0. */
public final class HostPorts implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("hostPorts", PssMeta.BASELINE, "Host Ports", Severity.MEDIUM,
            "Remove hostPort from container ports; expose the pod through a Service instead.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        for (PodContainer c : workload.containers()) {
            JsonNode ports = c.spec().path("ports");
            for (int i = 0; i < ports.size(); i++) {
                JsonNode hostPort = ports.get(i).path("hostPort");
                if (Violations.isSet(hostPort) && !(hostPort.isNumber() && hostPort.asLong() == 0)) {
                    violations.add(c.path("ports[" + i + "].hostPort"), hostPort);
                }
            }
        }
        return violations.verdict("no container uses a host port", "host ports");
    }
}
