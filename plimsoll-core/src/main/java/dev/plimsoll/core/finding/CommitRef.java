package dev.plimsoll.core.finding;

import java.time.Instant;
import java.util.Objects;

/**
 * The git commit that added a line holding a secret ({@code plimsoll secrets --git}).
 *
 * @param id     the full commit id (40 hex digits)
 * @param author the author as git records it, "Name <email>"
 * @param date   the author date
 */
public record CommitRef(String id, String author, Instant date) {
    public CommitRef {
        Objects.requireNonNull(id);
        Objects.requireNonNull(author);
        Objects.requireNonNull(date);
    }

    /** The abbreviated id people read (12 hex digits). */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
