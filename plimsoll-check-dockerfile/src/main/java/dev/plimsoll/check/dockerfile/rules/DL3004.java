package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;

/** sudo in a RUN: its TTY and signal handling are unpredictable in a build; use USER, or gosu at run time. */
public final class DL3004 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3004";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                if (command.is("sudo") || command.wrappers().contains("sudo")) {
                    String text = RunShellCommands.text(command);
                    out.report(run, "RUN uses sudo ('" + text + "'); use USER to switch user, or gosu", text);
                    break;
                }
            }
        }
    }
}
