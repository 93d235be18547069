package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.EntrypointInstruction;

/** Multiple ENTRYPOINT instructions in one stage: only the last takes effect. Reported on the second and later ones. */
public final class DL4004 implements DockerfileRule {
    @Override
    public String id() {
        return "DL4004";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        StageRepeats.reportRepeats(context.dockerfile(), EntrypointInstruction.class, "ENTRYPOINT", out);
    }
}
