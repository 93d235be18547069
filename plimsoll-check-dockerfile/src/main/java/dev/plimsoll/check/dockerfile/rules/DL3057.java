package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.HealthcheckInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;

/**
 * HEALTHCHECK missing (off by default): every stage, builder stages included, with no HEALTHCHECK of its own or
 * of a stage it is built FROM, reported on its FROM line. {@code HEALTHCHECK NONE} states there is none on purpose.
 */
public final class DL3057 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3057";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Dockerfile df = context.dockerfile();
        for (Stage stage : df.stages()) {
            if (!hasHealthcheck(df, stage)) {
                out.report(stage.from(), "Stage " + stage.name().orElse(Integer.toString(stage.index()))
                        + " (FROM " + stage.baseImageRaw() + ") has no HEALTHCHECK", stage.baseImageRaw());
            }
        }
    }

    private static boolean hasHealthcheck(Dockerfile df, Stage stage) {
        Stage s = stage;
        for (int hops = 0; s != null && hops <= df.stages().size(); hops++) {
            for (Instruction i : s.instructions()) {
                if (i instanceof HealthcheckInstruction) {
                    return true;
                }
            }
            s = s.baseStageIndex().isPresent() ? df.stages().get(s.baseStageIndex().getAsInt()) : null;
        }
        return false;
    }
}
