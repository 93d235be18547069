package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Quantity;
import dev.plimsoll.check.cis.input.k8s.Workload;

/**
 * Whether every container that can have resources (ephemeral containers cannot) sets a valid, positive limit of one
 * resource. A request is not a limit: it reserves, it does not cap.
 */
final class ResourceLimit {
    private ResourceLimit() {
    }

    static CheckResult evaluate(Workload workload, String resource) {
        Violations violations = new Violations(workload);
        for (PodContainer c : workload.containers()) {
            if (c.type() == PodContainer.Type.EPHEMERAL) {
                continue;
            }
            JsonNode limit = c.spec().path("resources").path("limits").path(resource);
            boolean valid = Quantity.of(limit).map(q -> q.signum() > 0).orElse(false);
            if (!valid) {
                violations.add(c.path("resources.limits." + resource),
                        Violations.isSet(limit) ? "invalid quantity " + Violations.show(limit) : Violations.NOT_SET);
            }
        }
        return violations.verdict("every container has a " + resource + " limit",
                "containers without a " + resource + " limit");
    }
}
