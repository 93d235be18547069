package dev.plimsoll.check.dockerfile.syntax;

import java.util.Optional;

/** {@code ONBUILD instruction}: the trigger is parsed like a top-level instruction (empty when missing or itself an ONBUILD). */
public record OnbuildInstruction(InstructionSource source, Optional<Instruction> trigger) implements Instruction {

    /** The instruction that runs: an ONBUILD's trigger, else the instruction itself. */
    public static Instruction unwrap(Instruction instruction) {
        return instruction instanceof OnbuildInstruction o && o.trigger().isPresent() ? o.trigger().get()
                : instruction;
    }
}
