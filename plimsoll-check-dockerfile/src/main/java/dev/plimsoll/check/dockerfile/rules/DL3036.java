package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code zypper install} leaves its cache in the layer unless the same RUN later runs {@code zypper clean}
 * ({@code cc}), or the RUN mounts a cache or tmpfs over {@code /var/cache/zypp}.
 */
public final class DL3036 implements DockerfileRule {
    static final Set<String> INSTALL = Set.of("install", "in");
    private static final Set<String> CLEAN = Set.of("clean", "cc");

    @Override
    public String id() {
        return "DL3036";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<SimpleCommand> commands = RpmPackages.commands(context, run);
            Optional<SimpleCommand> install = RpmPackages.first(commands, DL3036::isInstall);
            if (install.isPresent() && !RpmPackages.hasCacheMount(run, "/var/cache/zypp")
                    && !RpmPackages.cleanedAfterLastInstall(commands, DL3036::isInstall,
                            c -> c.is("zypper") && RpmPackages.hasOperand(c, CLEAN))) {
                String text = install.get().toString();
                out.report(run, RpmPackages.shortened(text) + " is not followed by zypper clean in the same RUN", text);
            }
        }
    }

    private static boolean isInstall(SimpleCommand command) {
        return command.is("zypper") && RpmPackages.hasOperand(command, INSTALL);
    }
}
