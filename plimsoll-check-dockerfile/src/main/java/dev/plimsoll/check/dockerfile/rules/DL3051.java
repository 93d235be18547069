package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.KeyValue;
import dev.plimsoll.check.dockerfile.syntax.LabelInstruction;
import java.util.HashSet;
import java.util.Set;

/**
 * A label of the label-schema (any type) set to an empty value: written empty, or a variable the Dockerfile
 * defines as empty. One finding per label name and LABEL.
 */
public final class DL3051 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3051";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Set<String> schema = context.config().labelSchema().keySet();
        if (schema.isEmpty()) {
            return;
        }
        for (LabelInstruction label : context.dockerfile().instructions(LabelInstruction.class)) {
            Set<String> reported = new HashSet<>();
            for (KeyValue pair : label.pairs()) {
                if (schema.contains(pair.key()) && !reported.contains(pair.key())
                        && LabelSchema.value(context, label, pair).filter(String::isEmpty).isPresent()) {
                    reported.add(pair.key());
                    out.report(label, "Label " + pair.key() + " is empty", pair.key() + "=" + pair.rawValue());
                }
            }
        }
    }
}
