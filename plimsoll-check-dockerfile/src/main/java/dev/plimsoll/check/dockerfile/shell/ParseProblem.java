package dev.plimsoll.check.dockerfile.shell;

import java.util.Objects;

/**
 * Something the parser could not understand. Parsing never stops at the first problem: the script still comes back
 * with everything that was understood, so rules keep working on scripts with bash-isms or typos.
 */
public record ParseProblem(String message, Position position) {
    public ParseProblem {
        Objects.requireNonNull(message);
        Objects.requireNonNull(position);
    }
}
