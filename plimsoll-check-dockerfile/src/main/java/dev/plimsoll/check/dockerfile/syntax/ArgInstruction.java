package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;

/** {@code ARG name[=default] ...}: one or more declarations. */
public record ArgInstruction(InstructionSource source, List<ArgDeclaration> declarations) implements Instruction {
    public ArgInstruction {
        declarations = List.copyOf(declarations);
    }
}
