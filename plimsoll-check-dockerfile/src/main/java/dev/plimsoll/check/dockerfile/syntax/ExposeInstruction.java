package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;

/** {@code EXPOSE port[/protocol] ...}. */
public record ExposeInstruction(InstructionSource source, List<ExposedPort> ports) implements Instruction {
    public ExposeInstruction {
        ports = List.copyOf(ports);
    }
}
