package dev.plimsoll.check.dockerfile.syntax;

import java.util.Optional;

/** {@code USER user[:group]} as written (variables not expanded). */
public record UserInstruction(InstructionSource source, String user, Optional<String> group) implements Instruction {
}
