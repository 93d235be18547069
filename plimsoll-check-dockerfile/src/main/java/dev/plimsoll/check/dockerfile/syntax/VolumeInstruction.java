package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;

/** {@code VOLUME ["/a"]} or {@code VOLUME /a /b}. */
public record VolumeInstruction(InstructionSource source, List<Word> paths, boolean jsonForm) implements Instruction {
    public VolumeInstruction {
        paths = List.copyOf(paths);
    }
}
