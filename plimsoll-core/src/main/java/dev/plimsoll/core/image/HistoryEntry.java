package dev.plimsoll.core.image;

import java.util.Objects;
import java.util.Optional;

/** One entry of the image config's history. */
public record HistoryEntry(Optional<String> created, Optional<String> createdBy, Optional<String> comment,
                           boolean emptyLayer) {
    public HistoryEntry {
        Objects.requireNonNull(created);
        Objects.requireNonNull(createdBy);
        Objects.requireNonNull(comment);
    }
}
