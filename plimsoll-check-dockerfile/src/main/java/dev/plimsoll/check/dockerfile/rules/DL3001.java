package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Set;

/**
 * Commands that make no sense in an image build (interactive tools, process and service control). Only the
 * program that runs counts, by its name as written ({@code sudo service x start} runs service; {@code /usr/bin/vim}
 * is not compared), never an argument ({@code apt-get install vim}). hadolint's message names ifconfig, its
 * implementation does not check it; neither do we.
 */
public final class DL3001 implements DockerfileRule {
    private static final Set<String> POINTLESS = Set.of("free", "kill", "mount", "ps", "service", "shutdown", "ssh",
            "top", "vim");

    @Override
    public String id() {
        return "DL3001";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                // The name as written, not its basename: /usr/bin/vim does not match, as in hadolint.
                String name = command.commandWord().filter(w -> !w.hasExpansion()).map(w -> w.value()).orElse("");
                if (POINTLESS.contains(name)) {
                    out.report(run, "RUN runs " + name
                            + ", which makes no sense in an image build", RunShellCommands.text(command));
                    break;
                }
            }
        }
    }
}
