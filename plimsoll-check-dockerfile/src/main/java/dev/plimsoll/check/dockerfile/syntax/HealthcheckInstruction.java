package dev.plimsoll.check.dockerfile.syntax;

import java.util.Optional;

/** {@code HEALTHCHECK NONE} or {@code HEALTHCHECK [--interval=...] CMD command}; {@code command} is empty for NONE. */
public record HealthcheckInstruction(InstructionSource source, boolean none, Optional<Command> command) implements Instruction {
    public Optional<String> interval() {
        return flags().value("interval");
    }

    public Optional<String> timeout() {
        return flags().value("timeout");
    }

    public Optional<String> startPeriod() {
        return flags().value("start-period");
    }

    public Optional<String> startInterval() {
        return flags().value("start-interval");
    }

    public Optional<String> retries() {
        return flags().value("retries");
    }
}
