package dev.plimsoll.check.dockerfile.syntax;

import java.util.Optional;

/** {@code FROM [--platform=p] image [AS name]}; {@code image} as written (see {@link Stage} for the expanded reference). */
public record FromInstruction(InstructionSource source, Word image, Optional<Word> stageName, Optional<String> platform) implements Instruction {
}
