package dev.plimsoll.check.dockerfile.syntax;


/** {@code MAINTAINER name} (deprecated). */
public record MaintainerInstruction(InstructionSource source, String name) implements Instruction {
}
