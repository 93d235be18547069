package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.CopyInstruction;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.KeyValue;
import dev.plimsoll.check.dockerfile.syntax.LabelInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.HashSet;
import java.util.Set;

/**
 * A label of the label-schema missing from a stage: reported on the stage's FROM, once per missing label. A stage
 * built FROM another inherits its labels; stages only used as {@code COPY --from} sources are not images that ship
 * and are not reported.
 */
public final class DL3049 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3049";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Set<String> schema = context.config().labelSchema().keySet();
        if (schema.isEmpty()) {
            return;
        }
        Dockerfile df = context.dockerfile();
        Set<Integer> copySources = new HashSet<>();
        for (CopyInstruction copy : df.instructions(CopyInstruction.class)) {
            copy.from().flatMap(df::stageNamed).ifPresent(s -> copySources.add(s.index()));
        }
        for (Stage stage : df.stages()) {
            if (copySources.contains(stage.index())) {
                continue;
            }
            Set<String> defined = labels(df, stage);
            for (String label : schema) {
                if (!defined.contains(label)) {
                    out.report(stage.from(), "Label " + label + " is missing from stage "
                            + stage.name().orElse(Integer.toString(stage.index())) + " (FROM "
                            + stage.baseImageRaw() + ")", label);
                }
            }
        }
    }

    /** The labels a stage sets itself or inherits from the stages it is built FROM. */
    private static Set<String> labels(Dockerfile df, Stage stage) {
        Set<String> out = new HashSet<>();
        Stage s = stage;
        for (int hops = 0; s != null && hops <= df.stages().size(); hops++) {
            for (Instruction i : s.instructions()) {
                if (i instanceof LabelInstruction label) {
                    for (KeyValue p : label.pairs()) {
                        out.add(p.key());
                    }
                }
            }
            s = s.baseStageIndex().isPresent() ? df.stages().get(s.baseStageIndex().getAsInt()) : null;
        }
        return out;
    }
}
