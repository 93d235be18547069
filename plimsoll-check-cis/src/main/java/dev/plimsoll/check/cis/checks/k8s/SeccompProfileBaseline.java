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
 * PSS baseline "Seccomp": if a seccomp profile is set (pod or container), it must be RuntimeDefault or Localhost.
 * As Pod Security Admission does since Kubernetes 1.19, the legacy seccomp annotations are not judged here (the
 * kubelet no longer honours them).
 */
public final class SeccompProfileBaseline implements CisCheck<Workload> {
    static final Set<String> ALLOWED_TYPES = Set.of("RuntimeDefault", "Localhost");
    private static final CheckMeta META = PssMeta.of("seccompProfile_baseline", PssMeta.BASELINE, "Seccomp",
            Severity.HIGH, "Do not set seccompProfile.type to Unconfined: use RuntimeDefault or Localhost.");

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
        return violations.verdict("no seccomp profile is set to a forbidden type", "forbidden seccomp profiles");
    }

    /** True when the context sets a profile of an allowed type; adds a violation when it sets another. */
    static boolean check(JsonNode securityContext, String path, Violations violations) {
        JsonNode profile = securityContext.path("seccompProfile");
        if (!Violations.isSet(profile)) {
            return false;
        }
        if (ALLOWED_TYPES.contains(Violations.text(profile.path("type")))) {
            return true;
        }
        violations.add(path + ".seccompProfile.type", profile.path("type"));
        return false;
    }
}
