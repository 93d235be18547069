package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.Expansion;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Optional;

/**
 * {@code useradd -u <uid>} with a UID longer than five digits and without {@code -l}/{@code --no-log-init}: the
 * sparse lastlog/faillog files are sized by the UID and bloat the layer. As in hadolint only {@code -u} is read
 * ({@code --uid} is not). A UID given by a variable is judged by the value the Dockerfile gives it (ARG default,
 * ENV); an unknown value is not reported.
 */
public final class DL3046 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3046";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        runs:
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            for (ShellScript script : context.scripts(run)) {
                for (SimpleCommand c : script.commands("useradd")) {
                    if (c.hasFlag("-l", "--no-log-init")) {
                        continue;
                    }
                    Optional<String> uid = c.flagValue("-u").flatMap(v -> resolve(context, run, v));
                    if (uid.isPresent() && uid.get().length() > 5) {
                        out.report(run, "useradd -u " + uid.get() + " without -l (--no-log-init) writes a large"
                                + " sparse lastlog into the layer", c.toString());
                        continue runs;
                    }
                }
            }
        }
    }

    private static Optional<String> resolve(LintContext context, RunInstruction run, String value) {
        if (value.indexOf('$') < 0) {
            return Optional.of(value);
        }
        Expansion e = context.dockerfile().environmentAt(run).expandWord(value);
        return e.isExact() ? Optional.of(e.value()) : Optional.empty();
    }
}
