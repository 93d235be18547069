package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;

/**
 * {@code apt-get install} without {@code --no-install-recommends} (or {@code -o APT::Install-Recommends=false}):
 * recommended packages bloat the image.
 */
public final class DL3015 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3015";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                if (AptPackages.isAptGetInstall(command) && !command.hasFlag("--no-install-recommends")
                        && !command.hasArg("APT::Install-Recommends=false")
                        && !AptPackages.setsFalse(command, "APT::Install-Recommends")) {
                    String text = RunShellCommands.text(command);
                    out.report(run, "'" + text + "' installs recommended packages too; add --no-install-recommends",
                            text);
                    break;
                }
            }
        }
    }
}
