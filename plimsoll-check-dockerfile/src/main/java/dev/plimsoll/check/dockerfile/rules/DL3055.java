package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;

/** A label of schema type {@code hash} must be a short (7) or full (40) lower-case git commit hash. */
public final class DL3055 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3055";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        LabelSchema.check(context, out, LabelSchema.Type.HASH, LabelSchemaFormats::isGitHash, "a git hash (7 or 40 lower-case hexadecimal characters)");
    }
}
