package dev.plimsoll.check.dockerfile.syntax;


/** {@code SHELL ["executable", "parameters"]}; BuildKit requires the exec form. */
public record ShellInstruction(InstructionSource source, Command command) implements Instruction {
}
