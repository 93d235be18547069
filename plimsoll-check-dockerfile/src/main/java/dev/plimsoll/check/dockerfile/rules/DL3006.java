package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Stage;

/** Always tag the image version: an untagged FROM pulls whatever {@code latest} is today. */
public final class DL3006 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3006";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage s : context.dockerfile().stages()) {
            String image = s.baseImageRaw();
            if (s.isScratch() || s.isBasedOnStage() || image.startsWith("$") || ImageRefs.hasDigest(image)) {
                continue;
            }
            if (ImageRefs.tag(image).isEmpty()) {
                out.report(s.from(), "FROM " + image + " has no tag: pin a version", image);
            }
        }
    }
}
