package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Optional;
import java.util.Set;

/** {@code yum install} (groupinstall, localinstall) needs {@code -y}: a build cannot answer the prompt. */
public final class DL3030 implements DockerfileRule {
    static final Set<String> INSTALLS = Set.of("install", "groupinstall", "localinstall");

    @Override
    public String id() {
        return "DL3030";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            Optional<SimpleCommand> yum = RpmPackages.first(RpmPackages.commands(context, run),
                    c -> c.is("yum") && RpmPackages.hasOperand(c, INSTALLS) && !c.hasFlag("-y", "--assumeyes"));
            if (yum.isPresent()) {
                String text = yum.get().toString();
                out.report(run, RpmPackages.shortened(text) + " has no -y; the build cannot answer yum's prompt", text);
            }
        }
    }
}
