package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;

/** {@code cd} in a RUN: WORKDIR says where commands run, for this RUN and every later one. ONBUILD is not checked. */
public final class DL3003 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3003";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, false)) {
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                if (command.is("cd")) {
                    String text = RunShellCommands.text(command);
                    out.report(run, "RUN changes directory with '" + text + "'; use WORKDIR instead", text);
                    break;
                }
            }
        }
    }
}
