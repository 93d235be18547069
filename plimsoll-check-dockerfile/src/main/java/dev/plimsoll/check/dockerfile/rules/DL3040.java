package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dnf clean all} missing after a dnf/microdnf install: the package cache stays in the layer. Every install
 * must be followed, in the same RUN, by {@code <same tool> clean all} or a recursive {@code rm} of the cache
 * directory; a cache or tmpfs mount on the cache makes the RUN fine.
 */
public final class DL3040 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3040";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<SimpleCommand> commands = new ArrayList<>();
            for (ShellScript script : context.scripts(run)) {
                commands.addAll(script.commands());
            }
            if (commands.isEmpty() || DnfPackages.cacheMounted(run)) {
                continue;
            }
            for (String tool : List.of("dnf", "microdnf")) {
                SimpleCommand lastInstall = null;
                for (SimpleCommand c : commands) {
                    if (c.is(tool) && DnfPackages.installs(c)) {
                        lastInstall = c;
                    } else if (lastInstall != null && (DnfPackages.cleansAll(c, tool) || DnfPackages.removesCache(c))) {
                        lastInstall = null;
                    }
                }
                if (lastInstall != null) {
                    out.report(run, "`" + tool + " " + lastInstall.subcommand().orElse("install")
                            + "` without a later `" + tool + " clean all` in the same RUN leaves the package cache"
                            + " in the layer", lastInstall.toString());
                    break;
                }
            }
        }
    }
}
