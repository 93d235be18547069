package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;

/** A label of schema type {@code semver} must be a SemVer 2.0.0 version: {@code v1.2.3} and {@code 1.2} are not. */
public final class DL3056 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3056";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        LabelSchema.check(context, out, LabelSchema.Type.SEMVER, LabelSchemaFormats::isSemver, "a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.3)");
    }
}
