package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.Command;
import dev.plimsoll.check.dockerfile.shell.Pipeline;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.ShellInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.List;
import java.util.Optional;

/**
 * Set {@code SHELL -o pipefail} before a RUN with a pipe: without it {@code wget ... | tar x} succeeds when wget fails.
 * The SHELL in effect for the stage counts (bash, zsh or ash with {@code -o pipefail}), and so does a
 * {@code set -o pipefail} earlier in the script itself. PowerShell and cmd SHELLs turn the rule off. Exec-form RUN is
 * not reported. A heredoc body fed to an explicit interpreter ({@code RUN bash <<EOF}) does not get the SHELL's
 * options.
 */
public final class DL4006 implements DockerfileRule {
    @Override
    public String id() {
        return "DL4006";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage stage : context.dockerfile().stages()) {
            ShellInEffect shell = ShellInEffect.atStart(context.dockerfile(), stage);
            for (Instruction i : stage.instructions()) {
                if (i instanceof ShellInstruction s) {
                    shell = ShellInEffect.of(s);
                } else if (i instanceof RunInstruction run && !run.isExecForm() && !shell.isNonPosix()) {
                    unsafePipe(context, run, shell.setsPipefail()).ifPresent(pipe -> out.report(run,
                            "RUN pipes " + pipe + " without pipefail: a failure before the last command is ignored;"
                                    + " set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] first", pipe));
                }
            }
        }
    }

    /** The first pipe that runs without pipefail, as its command names ({@code wget | tar}). */
    private static Optional<String> unsafePipe(LintContext context, RunInstruction run, boolean shellPipefail) {
        List<ShellScript> scripts = context.scripts(run);
        // With heredocs, the scripts are the command line (unless it is only the markers) and then the bodies; when
        // the command line is kept, the bodies are read by the interpreter it names, not by the SHELL.
        int commandLines = scripts.size() - (run.heredocs().isEmpty() ? 0 : run.heredocs().size());
        for (int n = 0; n < scripts.size(); n++) {
            boolean pipefail = shellPipefail && (n < commandLines || commandLines <= 0);
            List<Pipeline> pipes = scripts.get(n).pipelinesWithoutPipefail(pipefail);
            if (!pipes.isEmpty()) {
                return Optional.of(describe(pipes.get(0)));
            }
        }
        return Optional.empty();
    }

    private static String describe(Pipeline pipe) {
        StringBuilder text = new StringBuilder();
        for (Command c : pipe.commands()) {
            if (!text.isEmpty()) {
                text.append(" | ");
            }
            text.append(c instanceof SimpleCommand simple && !simple.originalName().isEmpty()
                    ? simple.commandName().isEmpty() ? simple.originalName() : simple.commandName()
                    : "(...)");
        }
        return text.toString();
    }
}
