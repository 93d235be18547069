package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pip install} (or {@code python -m pip install}) of a package without a version specifier, VCS ref, local
 * archive or path. Installs from requirements ({@code -r}), constraints ({@code -c}) or the current project
 * ({@code .}) are left alone. One finding per RUN naming every unpinned package.
 */
public final class DL3013 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3013";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<Word> unpinned = new ArrayList<>();
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                Optional<List<Word>> install = PinnedPackages.pipInstallArgs(command);
                if (install.isEmpty() || PinnedPackages.pipUsesRequirements(install.get())) {
                    continue;
                }
                for (Word pkg : PinnedPackages.pipPackages(install.get())) {
                    if (!PinnedPackages.pipPinned(pkg.value())) {
                        unpinned.add(pkg);
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                String names = PinnedPackages.join(unpinned);
                out.report(run, "pip install without pinned versions: " + names
                        + " (use package==version or a requirements file)", names);
            }
        }
    }
}
