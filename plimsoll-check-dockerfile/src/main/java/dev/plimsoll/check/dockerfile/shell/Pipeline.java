package dev.plimsoll.check.dockerfile.shell;

import java.util.List;
import java.util.function.Predicate;

/**
 * Commands joined by {@code |} (or bash's {@code |&}, which also pipes stderr). A single command is a pipeline of
 * one; {@link #isPipe()} tells whether there is a pipe at all.
 */
public record Pipeline(List<Command> commands, boolean negated, Position position) {
    public Pipeline {
        commands = List.copyOf(commands);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a pipeline has at least one command");
        }
    }

    /** Whether there are at least two commands joined by a pipe. */
    public boolean isPipe() {
        return commands.size() > 1;
    }

    /**
     * Whether a stage matching {@code producer} feeds, directly or through later stages, a stage matching
     * {@code consumer}: {@code curl … | sh}, {@code wget -O- … | tee x | bash}. Compound stages are matched by the
     * simple commands they contain.
     */
    public boolean pipesInto(Predicate<SimpleCommand> producer, Predicate<SimpleCommand> consumer) {
        int first = -1;
        for (int i = 0; i < commands.size() && first < 0; i++) {
            if (Traversal.anyTopLevel(commands.get(i), producer)) {
                first = i;
            }
        }
        if (first < 0) {
            return false;
        }
        for (int i = first + 1; i < commands.size(); i++) {
            if (Traversal.anyTopLevel(commands.get(i), consumer)) {
                return true;
            }
        }
        return false;
    }
}
