package dev.plimsoll.check.dockerfile.shell;

import java.util.Objects;

/** {@code NAME=value} before a command (or as a command of its own), or given to {@code env}/{@code sudo}. */
public record Assignment(String name, Word value, Position position) {
    public Assignment {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        Objects.requireNonNull(position);
    }

    @Override
    public String toString() {
        return name + "=" + value.raw();
    }
}
