package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.List;
import java.util.Optional;

/**
 * Off by default: the final image is not built on a minimal image ({@code plimsoll.minimalBaseImages}, by default
 * scratch, distroless, chainguard, slim, alpine, busybox, minimal/micro UBI). Reported on the FROM that names the
 * image the final stage is built on (through {@code FROM <stage>} links).
 */
public final class PLM_DF_022 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-022";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Optional<Stage> root = FinalImageStages.of(context.dockerfile()).root();
        if (root.isEmpty()) {
            return;
        }
        Optional<BaseImagePolicy.BaseImage> base = BaseImagePolicy.of(root.get());
        if (base.isEmpty()) {
            return;
        }
        List<String> minimal = context.settings().has("minimalBaseImages")
                ? context.settings().strings("minimalBaseImages") : BaseImagePolicy.DEFAULT_MINIMAL;
        BaseImagePolicy.BaseImage image = base.get();
        if (!BaseImagePolicy.matchesAny(image.reference(), minimal)) {
            out.report(root.get().from(), "The final image is built on " + image.describe()
                    + ", which is not a minimal image (distroless, scratch, alpine, -slim ...)", image.written());
        }
    }
}
