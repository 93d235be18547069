package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/**
 * K8S-4: every container's image is pinned by digest, or at least by a tag other than {@code latest}. Without a
 * tag the kubelet pulls {@code latest}, and what runs changes whenever the tag moves.
 */
public final class ImagePinned implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("K8S-4", PssMeta.HARDENING,
            "Ensure images are pinned by digest or a version tag, not latest", Severity.MEDIUM,
            "Reference images as name@sha256:… (best) or name:version; never untagged or :latest.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        for (PodContainer c : workload.containers()) {
            JsonNode image = c.spec().path("image");
            String problem = problem(Violations.text(image));
            if (problem != null) {
                violations.add(c.path("image"), Violations.isSet(image) ? Violations.show(image) + " (" + problem
                        + ")" : Violations.NOT_SET);
            }
        }
        return violations.verdict("every image is pinned by digest or a version tag",
                "images not pinned");
    }

    /** Why {@code reference} is not pinned, or null if it is. */
    private static String problem(String reference) {
        if (reference.isEmpty()) {
            return "no image";
        }
        dev.plimsoll.core.image.ImageReference parsed;
        try {
            parsed = dev.plimsoll.core.image.ImageReference.parse(reference);
        } catch (IllegalArgumentException e) {
            return "not a valid image reference";
        }
        if (parsed.digest().isPresent()) {
            return null;
        }
        if (parsed.tag().isEmpty()) {
            return "no tag: latest";
        }
        return parsed.tag().get().equals("latest") ? "the latest tag" : null;
    }
}
