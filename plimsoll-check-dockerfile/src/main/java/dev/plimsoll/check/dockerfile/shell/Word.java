package dev.plimsoll.check.dockerfile.shell;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One shell word.
 *
 * @param raw the word as written (quotes, escapes and continuations included)
 * @param value the word after quote removal with expansions left as written: {@code "$HOME/x"} is {@code $HOME/x},
 *     {@code 'a b'} is {@code a b}, {@code $'\t'} is a tab. Globs and {@code ~} stay literal text
 * @param hasExpansion whether the word expands a parameter, command, arithmetic or process substitution
 * @param quoted whether any part of the word was quoted or escaped (so it is never a reserved word)
 * @param position where the word starts in the Dockerfile
 * @param substitutions the scripts of the word's command and process substitutions, in order
 */
public record Word(String raw, String value, boolean hasExpansion, boolean quoted, Position position,
        List<ShellScript> substitutions) {
    public Word {
        Objects.requireNonNull(raw);
        Objects.requireNonNull(value);
        Objects.requireNonNull(position);
        substitutions = List.copyOf(substitutions);
    }

    /** The value when the word is fully known before running the script (no expansion). */
    public Optional<String> literal() {
        return hasExpansion ? Optional.empty() : Optional.of(value);
    }

    /** Whether the word is exactly {@code text} after quote removal and has no expansion. */
    public boolean is(String text) {
        return !hasExpansion && value.equals(text);
    }

    @Override
    public String toString() {
        return raw;
    }
}
