package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.KeyValue;
import dev.plimsoll.check.dockerfile.syntax.LabelInstruction;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * With {@code strict-labels}: a LABEL setting a label that is not in the label-schema (with no schema, every label
 * is superfluous). One finding per LABEL, naming the labels.
 */
public final class DL3050 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3050";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        if (!context.config().strictLabels()) {
            return;
        }
        Set<String> schema = context.config().labelSchema().keySet();
        for (LabelInstruction label : context.dockerfile().instructions(LabelInstruction.class)) {
            Set<String> extra = new LinkedHashSet<>();
            for (KeyValue p : label.pairs()) {
                if (!schema.contains(p.key())) {
                    extra.add(p.key());
                }
            }
            if (!extra.isEmpty()) {
                out.report(label, "Label" + (extra.size() > 1 ? "s " : " ") + String.join(", ", extra)
                        + (extra.size() > 1 ? " are" : " is") + " not in the label-schema (strict-labels)",
                        String.join(" ", extra));
            }
        }
    }
}
