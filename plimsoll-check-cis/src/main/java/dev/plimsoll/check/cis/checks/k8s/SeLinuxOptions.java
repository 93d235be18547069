package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Set;

/**
 * PSS baseline "SELinux": the SELinux type may only be one of the container types (as of Kubernetes 1.31:
 * container_t, container_init_t, container_kvm_t, container_engine_t) and user and role must not be set, at pod and
 * container level.
 */
public final class SeLinuxOptions implements CisCheck<Workload> {
    private static final Set<String> ALLOWED_TYPES =
            Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");
    private static final CheckMeta META = PssMeta.of("seLinuxOptions", PssMeta.BASELINE, "SELinux", Severity.HIGH,
            "Leave seLinuxOptions.user and role unset and the type unset or a container type (container_t, "
                    + "container_init_t, container_kvm_t, container_engine_t).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        check(workload.podSecurityContext(), workload.path("securityContext"), violations);
        for (PodContainer c : workload.containers()) {
            check(c.securityContext(), c.path("securityContext"), violations);
        }
        return violations.verdict("no forbidden SELinux options", "forbidden SELinux options");
    }

    private static void check(JsonNode securityContext, String path, Violations violations) {
        JsonNode options = securityContext.path("seLinuxOptions");
        if (!Violations.isSet(options)) {
            return;
        }
        if (!ALLOWED_TYPES.contains(Violations.text(options.path("type")))) {
            violations.add(path + ".seLinuxOptions.type", options.path("type"));
        }
        for (String field : List.of("user", "role")) {
            if (!Violations.text(options.path(field)).isEmpty()) {
                violations.add(path + ".seLinuxOptions." + field, options.path(field));
            }
        }
    }
}
