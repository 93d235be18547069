package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;

/** A label of schema type {@code url} must be an absolute RFC 3986 URI (see {@link LabelSchemaFormats#isUrl}). */
public final class DL3052 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3052";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        LabelSchema.check(context, out, LabelSchema.Type.URL, LabelSchemaFormats::isUrl, "an absolute URL (scheme required, e.g. https://example.com/docs)");
    }
}
