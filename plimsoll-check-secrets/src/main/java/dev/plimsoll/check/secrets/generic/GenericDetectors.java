package dev.plimsoll.check.secrets.generic;

import dev.plimsoll.check.secrets.engine.Detector;
import java.util.List;

/** The detectors that are code rather than rule data, in the order the engine runs them. */
public final class GenericDetectors {
    private GenericDetectors() {
    }

    public static List<Detector> all() {
        return List.of(new KubernetesSecrets(), new DockerConfigAuths(), new EscapedPem(), new ConnectionStrings(),
                new CliFlags(), new BasicAuthUrls(), new Assignments());
    }

    /** Rule ids the generic detectors report (for documentation, scoring and reports). */
    public static List<String> ruleIds() {
        return List.of(KubernetesSecrets.RULE.id(), DockerConfigAuths.RULE.id(), ConnectionStrings.RULE.id(),
                CliFlags.RULE.id(), BasicAuthUrls.RULE.id(), Assignments.PASSWORD.id(), Assignments.SECRET.id(),
                Assignments.ENTROPY.id());
    }
}
