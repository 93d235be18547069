package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;

/**
 * {@code wget} without {@code --progress}, {@code -q}/{@code --quiet}, {@code -nv}/{@code --no-verbose},
 * {@code -o}/{@code --output-file} or {@code -a}/{@code --append-output}: its default progress output floods the
 * build log. {@code -O} (the output document) does not count. One finding per RUN.
 */
public final class DL3047 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3047";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        runs:
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            for (ShellScript script : context.scripts(run)) {
                for (SimpleCommand c : script.commands("wget")) {
                    if (!quiet(c)) {
                        out.report(run, "wget without --progress or -q/-nv floods the build log; use"
                                + " `wget --progress=dot:giga` or `wget -nv`", c.toString());
                        continue runs;
                    }
                }
            }
        }
    }

    private static boolean quiet(SimpleCommand c) {
        return c.hasFlag("--progress", "-q", "--quiet", "--no-verbose", "-o", "--output-file", "-a",
                "--append-output") || c.hasArg("-nv");
    }
}
