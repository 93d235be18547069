package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Stage;

/**
 * Do not fix the platform in FROM: the builder chooses it. {@code $BUILDPLATFORM} (cross-compilation stages) and
 * {@code $TARGETPLATFORM} are accepted.
 */
public final class DL3029 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3029";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage stage : context.dockerfile().stages()) {
            stage.from().platform().ifPresent(platform -> {
                if (!platform.contains("BUILDPLATFORM") && !platform.contains("TARGETPLATFORM")) {
                    out.report(stage.from(), "FROM --platform=" + platform + " " + stage.baseImageRaw()
                            + " fixes the platform; let the builder choose it", platform);
                }
            });
        }
    }
}
