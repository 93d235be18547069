package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;
import java.util.Optional;

/** {@code RUN [--mount=...] [--network=...] [--security=...] command}; heredocs in marker order. */
public record RunInstruction(InstructionSource source, Command command, List<Mount> mounts, Optional<String> network, Optional<String> security, List<Heredoc> heredocs) implements Instruction {
    public RunInstruction {
        mounts = List.copyOf(mounts);
        heredocs = List.copyOf(heredocs);
    }

    public boolean isExecForm() {
        return command instanceof Command.ExecForm;
    }
}
