package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Optional;
import java.util.Set;

/** {@code zypper dist-upgrade}/{@code dup} in a build: use a newer base image instead. */
public final class DL3035 implements DockerfileRule {
    private static final Set<String> DIST_UPGRADE = Set.of("dist-upgrade", "dup");

    @Override
    public String id() {
        return "DL3035";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            Optional<SimpleCommand> zypper = RpmPackages.first(RpmPackages.commands(context, run),
                    c -> c.is("zypper") && RpmPackages.hasOperand(c, DIST_UPGRADE));
            if (zypper.isPresent()) {
                String text = zypper.get().toString();
                out.report(run,
                        RpmPackages.shortened(text) + " upgrades the distribution in the build; use a newer base image",
                        text);
            }
        }
    }
}
