package dev.plimsoll.check.dockerfile.syntax;


/** {@code ENTRYPOINT}: exec or shell form. */
public record EntrypointInstruction(InstructionSource source, Command command) implements Instruction {
}
