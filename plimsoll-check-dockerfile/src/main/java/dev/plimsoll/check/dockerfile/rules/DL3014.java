package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;

/**
 * {@code apt-get install} that may stop for a confirmation: none of {@code -y}/{@code --yes}/{@code --assume-yes},
 * {@code -qq} (or {@code -q} twice, {@code -q=2}), nor {@code -o APT::Get::Assume-Yes=true}.
 */
public final class DL3014 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3014";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                if (AptPackages.isAptGetInstall(command) && !assumesYes(command)) {
                    String text = RunShellCommands.text(command);
                    out.report(run, "'" + text + "' has no -y: the build stops at apt-get's confirmation", text);
                    break;
                }
            }
        }
    }

    private static boolean assumesYes(SimpleCommand command) {
        if (command.hasFlag("-y", "--yes", "--assume-yes", "-qq")
                || AptPackages.setsTrue(command, "APT::Get::Assume-Yes")) {
            return true;
        }
        int quiet = 0;
        for (Word word : command.args()) {
            String v = word.value();
            if (v.equals("-q=2") || v.equals("--quiet=2")) {
                return true;
            }
            if (v.equals("--quiet")) {
                quiet++;
            } else if (v.length() > 1 && v.charAt(0) == '-' && v.charAt(1) != '-' && v.indexOf('=') < 0) {
                for (int i = 1; i < v.length(); i++) {
                    if (v.charAt(i) == 'q') {
                        quiet++;
                    }
                }
            }
        }
        return quiet >= 2;
    }
}
