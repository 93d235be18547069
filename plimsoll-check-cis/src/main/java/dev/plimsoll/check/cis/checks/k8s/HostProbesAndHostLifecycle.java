package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;
import java.util.List;

/**
 * PSS baseline "Host Probes / Lifecycle Hooks" (Kubernetes 1.34+): probes and lifecycle handlers must not set a
 * {@code host}, which would let the kubelet connect to an arbitrary address on the pod's behalf.
 */
public final class HostProbesAndHostLifecycle implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("hostProbesAndHostLifecycle", PssMeta.BASELINE,
            "Host Probes / Lifecycle Hooks", Severity.MEDIUM,
            "Remove the host field from httpGet and tcpSocket probes and lifecycle handlers (the pod's IP is used).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        for (PodContainer c : workload.containers()) {
            for (String handler : List.of("livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart",
                    "lifecycle.preStop")) {
                JsonNode node = handler.startsWith("lifecycle.")
                        ? c.spec().path("lifecycle").path(handler.substring("lifecycle.".length()))
                        : c.spec().path(handler);
                for (String action : List.of("httpGet", "tcpSocket")) {
                    JsonNode host = node.path(action).path("host");
                    if (!Violations.text(host).isEmpty()) {
                        violations.add(c.path(handler + "." + action + ".host"), host);
                    }
                }
            }
        }
        return violations.verdict("no probe or lifecycle handler sets a host",
                "probes or lifecycle handlers set a host");
    }
}
