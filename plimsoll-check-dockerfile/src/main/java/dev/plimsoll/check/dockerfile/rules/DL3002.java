package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.check.dockerfile.syntax.UserInstruction;

/**
 * The last USER of a stage is root ({@code root}, {@code 0}, with or without a group): the stage's image, and any
 * stage built on it, runs as root. Every stage is checked; a stage without USER is not this rule's business.
 */
public final class DL3002 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3002";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage stage : context.dockerfile().stages()) {
            UserInstruction last = null;
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof UserInstruction user) {
                    last = user;
                }
            }
            if (last != null) {
                String user = ImageRefs.unquote(last.user());
                if (user.equals("root") || user.equals("0")) {
                    String written = ImageRefs.unquote(last.arguments());
                    out.report(last, "Last USER of stage " + stageName(stage) + " is " + written
                            + "; switch to a non-root user", written);
                }
            }
        }
    }

    private static String stageName(Stage stage) {
        return stage.name().orElse(Integer.toString(stage.index()));
    }
}
