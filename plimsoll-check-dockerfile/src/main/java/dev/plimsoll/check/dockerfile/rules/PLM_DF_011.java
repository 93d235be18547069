package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.HealthcheckInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.List;

/**
 * No HEALTHCHECK in the final image (the final stage and the stages it is built FROM); {@code HEALTHCHECK NONE} is
 * an explicit decision. Reported once, on the final stage's FROM.
 */
public final class PLM_DF_011 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-011";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        List<Stage> image = SecurityStages.finalImage(context.dockerfile());
        if (image.isEmpty()) {
            return;
        }
        for (Stage stage : image) {
            for (Instruction i : stage.instructions()) {
                if (i instanceof HealthcheckInstruction) {
                    return;
                }
            }
        }
        Stage last = image.get(0);
        out.report(last.from(), "the final image has no HEALTHCHECK; add one (or HEALTHCHECK NONE to say the"
                + " orchestrator probes health)", "FROM " + last.baseImageRaw());
    }
}
