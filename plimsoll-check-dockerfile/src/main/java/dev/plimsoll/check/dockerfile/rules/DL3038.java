package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Optional;

/** {@code dnf}/{@code microdnf install} (groupinstall, localinstall) needs {@code -y}: a build cannot answer. */
public final class DL3038 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3038";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            Optional<SimpleCommand> dnf = RpmPackages.first(RpmPackages.commands(context, run),
                    c -> c.is("dnf", "microdnf") && RpmPackages.hasOperand(c, DL3030.INSTALLS)
                            && !c.hasFlag("-y", "--assumeyes"));
            if (dnf.isPresent()) {
                String text = dnf.get().toString();
                out.report(run,
                        RpmPackages.shortened(text) + " has no -y; the build cannot answer " + dnf.get().commandName()
                        + "'s prompt", text);
            }
        }
    }
}
