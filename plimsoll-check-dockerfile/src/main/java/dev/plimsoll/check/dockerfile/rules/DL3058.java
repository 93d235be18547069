package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;

/** A label of schema type {@code email} must be a plain RFC 5322 address (see {@link LabelSchemaFormats#isEmail}). */
public final class DL3058 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3058";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        LabelSchema.check(context, out, LabelSchema.Type.EMAIL, LabelSchemaFormats::isEmail, "a plain RFC 5322 email address such as team@example.com");
    }
}
