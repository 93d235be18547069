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
 * PSS baseline "AppArmor": the profile may only be the runtime default or a localhost profile, in the
 * {@code appArmorProfile} fields (pod and containers) and in the legacy
 * {@code container.apparmor.security.beta.kubernetes.io/NAME} annotations; unset is allowed.
 */
public final class AppArmorProfile implements CisCheck<Workload> {
    static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
    private static final Set<String> ALLOWED_TYPES = Set.of("RuntimeDefault", "Localhost");
    private static final CheckMeta META = PssMeta.of("appArmorProfile", PssMeta.BASELINE, "AppArmor",
            Severity.HIGH, "Do not set the AppArmor profile to Unconfined: use RuntimeDefault or a Localhost profile.");

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
        workload.podAnnotations().entrySet().stream()
                .filter(e -> e.getKey().startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(e.getValue()))
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> violations.add(workload.annotationPath(e.getKey()), e.getValue()));
        return violations.verdict("no AppArmor profile overrides the default with an unconfined or unknown profile",
                "forbidden AppArmor profiles");
    }

    private static void check(JsonNode securityContext, String path, Violations violations) {
        JsonNode profile = securityContext.path("appArmorProfile");
        if (Violations.isSet(profile) && !ALLOWED_TYPES.contains(Violations.text(profile.path("type")))) {
            violations.add(path + ".appArmorProfile.type", profile.path("type"));
        }
    }

    static boolean allowedAnnotation(String value) {
        return value.isEmpty() || value.equals("runtime/default") || value.startsWith("localhost/");
    }
}
