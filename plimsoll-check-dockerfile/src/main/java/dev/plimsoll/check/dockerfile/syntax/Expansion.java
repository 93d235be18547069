package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;

/**
 * The result of expanding a word. {@code unresolved} names the variables it referenced that have no known value
 * (undeclared, declared without a default, platform arguments, or values from the base image); they expanded to
 * "" (a {@code ${name:-default}} whose default was used does not count: that is what a build without
 * --build-arg computes). {@code approximate} is set when some syntax was not understood or a limit cut the result.
 */
public record Expansion(String value, List<String> unresolved, boolean approximate) {
    public Expansion {
        unresolved = List.copyOf(unresolved);
    }

    /** True when the value is what a build without --build-arg would compute. */
    public boolean isExact() {
        return unresolved.isEmpty() && !approximate;
    }
}
