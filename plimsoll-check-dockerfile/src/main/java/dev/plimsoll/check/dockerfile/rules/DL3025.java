package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.CmdInstruction;
import dev.plimsoll.check.dockerfile.syntax.Command;
import dev.plimsoll.check.dockerfile.syntax.EntrypointInstruction;
import dev.plimsoll.check.dockerfile.syntax.HealthcheckInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import java.util.Optional;

/**
 * CMD, ENTRYPOINT and HEALTHCHECK CMD in shell form run under {@code /bin/sh -c}: the process is not PID 1 and does
 * not receive signals. JSON that does not parse is shell form too.
 */
public final class DL3025 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3025";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Instruction instruction : context.dockerfile().instructions()) {
            Optional<Command> command = switch (instruction) {
                case CmdInstruction cmd -> Optional.of(cmd.command());
                case EntrypointInstruction entrypoint -> Optional.of(entrypoint.command());
                case HealthcheckInstruction healthcheck -> healthcheck.command();
                default -> Optional.empty();
            };
            if (command.isPresent() && command.get() instanceof Command.ShellForm shell && !shell.script().isBlank()) {
                String what = instruction instanceof HealthcheckInstruction ? "HEALTHCHECK CMD"
                        : instruction.keyword().name();
                String script = shell.script().strip();
                out.report(instruction,
                        what + " " + RpmPackages.shortened(script) + " is in shell form; use the JSON form", script);
            }
        }
    }
}
