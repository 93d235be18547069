package dev.plimsoll.check.dockerfile.syntax;

import java.util.Optional;

/**
 * One {@code --name[=value]} option before an instruction's arguments. {@code value} has BuildKit's quote removal
 * applied ({@code --chown="a:b"} gives {@code a:b}) and is empty for a bare {@code --link}; {@code raw} is the word as
 * written.
 */
public record Flag(String name, Optional<String> value, String raw, SourcePosition position) {
    /** The value, or "" for a bare flag. */
    public String valueOrEmpty() {
        return value.orElse("");
    }

    /** A boolean flag's meaning: bare or {@code =true} is true (BuildKit's rule), anything else false. */
    public boolean isTrue() {
        return value.isEmpty() || value.get().equalsIgnoreCase("true");
    }
}
