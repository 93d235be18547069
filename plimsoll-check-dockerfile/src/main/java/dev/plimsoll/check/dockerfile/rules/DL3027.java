package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Optional;

/** Do not use {@code apt} in scripts: its CLI is not stable; use apt-get or apt-cache. ONBUILD RUNs included. */
public final class DL3027 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3027";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            Optional<SimpleCommand> apt = RpmPackages.first(RpmPackages.commands(context, run), c -> c.is("apt"));
            if (apt.isPresent()) {
                String text = apt.get().toString();
                out.report(run,
                        RpmPackages.shortened(text) + " uses apt, meant for terminals; use apt-get or apt-cache",
                        text);
            }
        }
    }
}
