package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.FromInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;

/** {@code FROM --platform=$TARGETPLATFORM} is redundant: the target platform is already the default. */
public final class DL3065 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3065";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage s : context.dockerfile().stages()) {
            FromInstruction from = s.from();
            if (from.platform().isEmpty()) {
                continue;
            }
            String platform = from.platform().get().strip();
            if (platform.equals("$TARGETPLATFORM") || platform.equals("${TARGETPLATFORM}")) {
                out.report(from, "FROM --platform=" + platform + " is redundant: the target platform is the default",
                        "--platform=" + platform);
            }
        }
    }
}
