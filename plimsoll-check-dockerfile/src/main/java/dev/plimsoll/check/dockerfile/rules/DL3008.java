package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apt-get install} of a package without a version ({@code curl=7.88.1-10}), release ({@code curl/bookworm})
 * or .deb file: the build installs whatever the mirror has that day. One finding per RUN naming every unpinned
 * package; a variable ({@code $PKGS}) is not a pin. {@code apt install} is DL3027's.
 */
public final class DL3008 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3008";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<Word> unpinned = new ArrayList<>();
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                if (AptPackages.isAptGetInstall(command)) {
                    for (Word pkg : AptPackages.installOperands(command)) {
                        if (!AptPackages.isPinned(pkg.value())) {
                            unpinned.add(pkg);
                        }
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                String names = PinnedPackages.join(unpinned);
                out.report(run, "apt-get install without pinned versions: " + names
                        + " (use package=version)", names);
            }
        }
    }
}
