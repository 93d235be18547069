package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.HealthcheckInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;

/** More than one HEALTHCHECK in a stage: only the last takes effect. Every extra one (NONE too) is reported. */
public final class DL3012 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3012";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage stage : context.dockerfile().stages()) {
            HealthcheckInstruction first = null;
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof HealthcheckInstruction healthcheck) {
                    if (first == null) {
                        first = healthcheck;
                    } else {
                        out.report(healthcheck, "Stage " + stage.name().orElse(Integer.toString(stage.index()))
                                + " already has a HEALTHCHECK (line " + first.line()
                                + "); only the last one takes effect", "HEALTHCHECK " + healthcheck.arguments());
                    }
                }
            }
        }
    }
}
