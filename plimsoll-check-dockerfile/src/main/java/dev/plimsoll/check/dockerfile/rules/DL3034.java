package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Optional;
import java.util.Set;

/**
 * zypper commands that ask for confirmation (install, remove, source-install, patch and their aliases) need
 * {@code -n}/{@code --non-interactive} (global) or {@code -y}/{@code --no-confirm}.
 */
public final class DL3034 implements DockerfileRule {
    private static final Set<String> ASKING = Set.of("install", "in", "remove", "rm", "source-install", "si",
            "patch");

    @Override
    public String id() {
        return "DL3034";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            Optional<SimpleCommand> zypper = RpmPackages.first(RpmPackages.commands(context, run),
                    c -> c.is("zypper") && RpmPackages.hasOperand(c, ASKING)
                            && !c.hasFlag("-n", "--non-interactive", "-y", "--no-confirm"));
            if (zypper.isPresent()) {
                String text = zypper.get().toString();
                out.report(run,
                        RpmPackages.shortened(text) + " has no -n or -y; the build cannot answer zypper's prompt",
                        text);
            }
        }
    }
}
