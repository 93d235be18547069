package dev.plimsoll.check.dockerfile.syntax;


/** {@code STOPSIGNAL signal} as written. */
public record StopsignalInstruction(InstructionSource source, String signal) implements Instruction {
}
