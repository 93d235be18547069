package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;

/** {@code LABEL k=v ...} (or the legacy {@code LABEL k v}). */
public record LabelInstruction(InstructionSource source, List<KeyValue> pairs, boolean legacyForm) implements Instruction {
    public LabelInstruction {
        pairs = List.copyOf(pairs);
    }
}
