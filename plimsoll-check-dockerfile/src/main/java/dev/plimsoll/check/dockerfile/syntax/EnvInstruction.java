package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;

/** {@code ENV k=v ...}, or the legacy {@code ENV k v} ({@code legacyForm}: the value is the rest of the line). */
public record EnvInstruction(InstructionSource source, List<KeyValue> pairs, boolean legacyForm) implements Instruction {
    public EnvInstruction {
        pairs = List.copyOf(pairs);
    }
}
