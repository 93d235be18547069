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
 * Pin zypper packages: each package of {@code zypper install}/{@code in} carries a version constraint
 * ({@code =}, {@code >=}, {@code >}, {@code <=}, {@code <}) or is an {@code .rpm} file. One finding per RUN, naming
 * the unpinned packages.
 */
public final class DL3037 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3037";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<String> unpinned = new ArrayList<>();
            for (SimpleCommand zypper : RpmPackages.commands(context, run)) {
                if (!zypper.is("zypper")) {
                    continue;
                }
                for (Word word : RpmPackages.operandsAfter(zypper, DL3036.INSTALL, RpmPackages.ZYPPER_VALUE_OPTIONS)) {
                    String name = word.value();
                    if (name.indexOf('=') < 0 && name.indexOf('<') < 0 && name.indexOf('>') < 0
                            && !name.endsWith(".rpm")) {
                        unpinned.add(name);
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                String packages = String.join(" ", unpinned);
                out.report(run, "zypper install " + RpmPackages.listed(unpinned)
                        + " without a version; pin <package>=<version>", packages);
            }
        }
    }
}
