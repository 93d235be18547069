package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Stage;

/** Using {@code latest} is prone to errors: the build changes when the tag moves. A digest pins it anyway. */
public final class DL3007 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3007";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage s : context.dockerfile().stages()) {
            String image = s.baseImageRaw();
            if (!s.isBasedOnStage() && !ImageRefs.hasDigest(image)
                    && ImageRefs.tag(image).filter("latest"::equals).isPresent()) {
                out.report(s.from(), "FROM " + image + " uses the latest tag: pin a version", image);
            }
        }
    }
}
