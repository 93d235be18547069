package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code yum install} leaves its cache in the layer unless the same RUN later runs {@code yum clean all} or removes
 * {@code /var/cache/yum}. The clean must follow the last install.
 */
public final class DL3032 implements DockerfileRule {
    private static final Set<String> INSTALL = Set.of("install");

    @Override
    public String id() {
        return "DL3032";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<SimpleCommand> commands = RpmPackages.commands(context, run);
            Optional<SimpleCommand> install = RpmPackages.first(commands, DL3032::isInstall);
            if (install.isPresent() && !RpmPackages.cleanedAfterLastInstall(commands, DL3032::isInstall,
                    DL3032::isClean)) {
                String text = install.get().toString();
                out.report(run,
                        RpmPackages.shortened(text) + " is not followed by yum clean all in the same RUN", text);
            }
        }
    }

    private static boolean isInstall(SimpleCommand command) {
        return command.is("yum") && RpmPackages.hasOperand(command, INSTALL);
    }

    private static boolean isClean(SimpleCommand command) {
        if (command.is("yum")) {
            return command.hasSubcommand("clean", "all");
        }
        if (command.is("rm")) {
            for (Word arg : command.args()) {
                if (arg.value().startsWith("/var/cache/yum")) {
                    return true;
                }
            }
        }
        return false;
    }
}
