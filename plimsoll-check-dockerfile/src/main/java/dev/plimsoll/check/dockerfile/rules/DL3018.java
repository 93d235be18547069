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
 * {@code apk add} of a package without a version constraint ({@code curl=8.5.0-r0}, {@code curl~8.5}) or .apk file.
 * Values of {@code -t}/{@code --virtual} and {@code -X}/{@code --repository} are not packages. One finding per RUN.
 */
public final class DL3018 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3018";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<Word> unpinned = new ArrayList<>();
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                if (PinnedPackages.isApkAdd(command)) {
                    for (Word pkg : PinnedPackages.apkPackages(command)) {
                        if (!PinnedPackages.apkPinned(pkg.value())) {
                            unpinned.add(pkg);
                        }
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                String names = PinnedPackages.join(unpinned);
                out.report(run, "apk add without pinned versions: " + names + " (use package=version)", names);
            }
        }
    }
}
