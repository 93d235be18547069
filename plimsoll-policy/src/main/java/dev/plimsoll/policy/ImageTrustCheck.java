package dev.plimsoll.policy;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.RuleDocs;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageReference;
import dev.plimsoll.core.image.ImageSummary;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's image rules as findings, so they reach thresholds, ignore entries and reports like every other
 * check: an image whose references all name an untrusted registry, and an image built on a base image the policy
 * does not allow. An image that names neither (an archive without tags, no base-image annotation) is not judged.
 */
public final class ImageTrustCheck {
    public static final RuleId UNTRUSTED_REGISTRY = RuleId.of("PLM-TRUST-001");
    public static final RuleId BASE_NOT_ALLOWED = RuleId.of("PLM-TRUST-002");
    /** docs/policy.md, section "Trusted registries and allowed base images". */
    private static final URI DOCS = RuleDocs.of("policy", "trusted-registries-and-allowed-base-images");

    private final ImageTrust trust;

    public ImageTrustCheck(ImageTrust trust) {
        this.trust = Objects.requireNonNull(trust);
    }

    public List<Finding> check(Target target, ImageSummary image) {
        List<Finding> out = new ArrayList<>();
        if (trust.restrictsRegistries()) {
            List<ImageReference> refs = references(image);
            if (!refs.isEmpty() && refs.stream().noneMatch(trust::registryTrusted)) {
                String names = String.join(", ", refs.stream().map(ImageReference::familiar).toList());
                out.add(new MisconfigurationFinding(UNTRUSTED_REGISTRY, "Image not from a trusted registry",
                        Severity.HIGH, target, Optional.empty(),
                        names + " comes from " + refs.get(0).registry() + ", which is not among the policy's trusted"
                                + " registries (" + String.join(", ", trust.trustedRegistries()) + ")",
                        refs.get(0).name(),
                        Optional.of("Pull the image from a trusted registry (mirror it there), or add its registry to"
                                + " images.trusted-registries in the policy"), List.of(DOCS)));
            }
        }
        if (trust.restrictsBaseImages() && image.baseImage().isPresent()) {
            String base = image.baseImage().get();
            Optional<ImageReference> ref = parse(base);
            if (ref.isEmpty() || !trust.baseAllowed(ref.get())) {
                out.add(new MisconfigurationFinding(BASE_NOT_ALLOWED, "Base image not allowed by the policy",
                        Severity.HIGH, target, Optional.empty(),
                        "built on " + base + ", which matches none of the policy's allowed base images ("
                                + String.join(", ", trust.allowedBaseImages()) + ")",
                        ref.map(ImageReference::name).orElse(base),
                        Optional.of("Rebuild on an allowed base image, or add it to images.allowed-base-images in the"
                                + " policy"), List.of(DOCS)));
            }
        }
        return out;
    }

    /**
     * What the image is called: its tags, and its name when it was pulled by reference. A file name ("app.tar")
     * is not a reference, even when it would parse as one.
     */
    private static List<ImageReference> references(ImageSummary image) {
        Set<String> names = new LinkedHashSet<>(image.repoTags());
        if (image.sourceKind().equals("registry")) {
            names.add(image.name());
        }
        List<ImageReference> refs = new ArrayList<>();
        names.forEach(n -> parse(n).ifPresent(refs::add));
        return refs;
    }

    private static Optional<ImageReference> parse(String reference) {
        try {
            return Optional.of(ImageReference.parse(reference));
        } catch (ImageReference.InvalidReferenceException e) {
            return Optional.empty();
        }
    }
}
