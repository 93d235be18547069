package dev.plimsoll.check.dockerfile.syntax;


/** {@code CMD}: exec or shell form; an empty CMD has an empty shell-form script. */
public record CmdInstruction(InstructionSource source, Command command) implements Instruction {
}
