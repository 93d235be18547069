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
 * {@code npm install <pkg>} without a version or tag ({@code pkg@1.2.3}), git ref, tarball or folder. A bare
 * {@code npm install} (package.json) passes; {@code npm ci} and the alias {@code npm i} are not covered, as in
 * hadolint. One finding per RUN naming every unpinned package.
 */
public final class DL3016 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3016";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<Word> unpinned = new ArrayList<>();
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                Optional<List<Word>> install = PinnedPackages.npmInstallArgs(command);
                if (install.isPresent()) {
                    for (Word pkg : PinnedPackages.npmPackages(install.get())) {
                        if (!PinnedPackages.npmPinned(pkg.value())) {
                            unpinned.add(pkg);
                        }
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                String names = PinnedPackages.join(unpinned);
                out.report(run, "npm install without pinned versions: " + names + " (use package@version)", names);
            }
        }
    }
}
