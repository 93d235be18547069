package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;

/** Use SHELL to change the default shell, not {@code ln ... /bin/sh}: relinking /bin/sh changes every script. */
public final class DL4005 implements DockerfileRule {
    @Override
    public String id() {
        return "DL4005";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            found:
            for (ShellScript script : context.scripts(run)) {
                for (SimpleCommand ln : script.commands("ln")) {
                    if (ln.hasArg("/bin/sh")) {
                        out.report(run, "RUN relinks /bin/sh (" + ln + "); use SHELL to change the shell",
                                ln.toString());
                        break found;
                    }
                }
            }
        }
    }
}
