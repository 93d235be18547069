package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;

/** A label of schema type {@code rfc3339} must be an RFC 3339 date-time (see {@link LabelSchemaFormats#isRfc3339}). */
public final class DL3053 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3053";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        LabelSchema.check(context, out, LabelSchema.Type.RFC3339, LabelSchemaFormats::isRfc3339, "an RFC 3339 timestamp such as 2024-01-31T12:00:00Z");
    }
}
