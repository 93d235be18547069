package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.core.image.ImagePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Base images must come from a trusted registry, be among the allowed base images and/or be pinned by digest, as
 * the policy says ({@code plimsoll.trustedRegistries}, {@code plimsoll.allowedBaseImages} (the policy file's
 * {@code images.allowed-base-images}), {@code plimsoll.requireDigest}, {@code plimsoll.checkAllStages}). Without a
 * policy the rule reports nothing.
 */
public final class PLM_DF_015 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-015";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        List<String> trusted = BaseImagePolicy.trustedRegistries(context);
        boolean requireDigest = context.settings().bool("requireDigest", false);
        List<String> allowed = context.settings().strings("allowedBaseImages");
        if (trusted.isEmpty() && !requireDigest && allowed.isEmpty()) {
            return;
        }
        boolean allStages = context.settings().bool("checkAllStages", false);
        FinalImageStages finalImage = FinalImageStages.of(context.dockerfile());
        for (Stage stage : context.dockerfile().stages()) {
            if (!allStages && !finalImage.contains(stage)) {
                continue;
            }
            Optional<BaseImagePolicy.BaseImage> base = BaseImagePolicy.of(stage);
            if (base.isEmpty()) {
                continue;
            }
            BaseImagePolicy.BaseImage image = base.get();
            List<String> problems = new ArrayList<>();
            if (!trusted.isEmpty() && !BaseImagePolicy.trusted(image.reference(), trusted)) {
                problems.add("comes from registry " + image.reference().registry() + ", which is not trusted ("
                        + String.join(", ", trusted) + ")");
            }
            if (!allowed.isEmpty() && allowed.stream().noneMatch(p -> ImagePattern.matches(p.trim(),
                    image.reference()))) {
                problems.add("is not among the allowed base images (" + String.join(", ", allowed) + ")");
            }
            if (requireDigest && image.reference().digest().isEmpty()) {
                problems.add("is not pinned by digest (@sha256:...)");
            }
            if (!problems.isEmpty()) {
                out.report(stage.from(), "Base image " + image.describe() + " " + String.join(" and ", problems),
                        image.written());
            }
        }
    }
}
