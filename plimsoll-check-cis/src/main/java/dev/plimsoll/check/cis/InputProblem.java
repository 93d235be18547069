package dev.plimsoll.check.cis;

import java.util.Objects;

/**
 * An input, or one target within it, that could not be read: the report says which targets were not audited while
 * the others still are.
 *
 * @param file  the file (or "docker run", "Docker Engine API") it came from
 * @param where a line ("line 12"), flag ("--memry"), document or object ("services.web") within it; "" if none
 */
public record InputProblem(String file, String where, String reason) {
    public InputProblem {
        Objects.requireNonNull(file);
        Objects.requireNonNull(where);
        Objects.requireNonNull(reason);
    }

    @Override
    public String toString() {
        return file + (where.isEmpty() ? "" : " (" + where + ")") + ": " + reason;
    }
}
