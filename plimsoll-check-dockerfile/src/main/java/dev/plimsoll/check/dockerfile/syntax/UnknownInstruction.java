package dev.plimsoll.check.dockerfile.syntax;


/** A line whose keyword BuildKit does not know; kept so a rule can report it (the parser records a problem too). */
public record UnknownInstruction(InstructionSource source) implements Instruction {
}
