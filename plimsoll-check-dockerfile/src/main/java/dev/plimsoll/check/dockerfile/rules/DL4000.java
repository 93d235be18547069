package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.MaintainerInstruction;

/** MAINTAINER is deprecated: a label says the same and tools read it. */
public final class DL4000 implements DockerfileRule {
    @Override
    public String id() {
        return "DL4000";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (MaintainerInstruction m : context.instructions(MaintainerInstruction.class, true)) {
            out.report(m, "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors");
        }
    }
}
