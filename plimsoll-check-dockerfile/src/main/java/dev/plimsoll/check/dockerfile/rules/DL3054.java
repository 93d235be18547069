package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;

/**
 * A label of schema type {@code spdx} must be one SPDX license identifier of the list, in its listed case
 * ({@code MIT}, {@code Apache-2.0}); expressions ({@code MIT OR Apache-2.0}) are refused, as by hadolint.
 */
public final class DL3054 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3054";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        LabelSchema.check(context, out, LabelSchema.Type.SPDX, LabelSchemaFormats::isSpdxId,
                value -> "a single SPDX license identifier" + LabelSchemaFormats.spdxIdIgnoringCase(value)
                        .map(id -> " (written " + id + " in the SPDX list)")
                        .orElse(" (e.g. MIT, Apache-2.0; see https://spdx.org/licenses/)"));
    }
}
