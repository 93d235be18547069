package dev.plimsoll.core.inventory;

import dev.plimsoll.core.image.LayerRef;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where something was found: a file, the layer that wrote it (images only), and a line and column (both 1-based)
 * when known. A column without a line is meaningless, so it is dropped.
 */
public record Location(String path, Optional<LayerRef> layer, OptionalInt line, OptionalInt column) {
    public Location {
        Objects.requireNonNull(path);
        Objects.requireNonNull(layer);
        Objects.requireNonNull(line);
        Objects.requireNonNull(column);
        if (line.isEmpty()) {
            column = OptionalInt.empty();
        }
    }

    public Location(String path, Optional<LayerRef> layer, OptionalInt line) {
        this(path, layer, line, OptionalInt.empty());
    }

    public static Location of(String path, LayerRef layer) {
        return new Location(path, Optional.ofNullable(layer), OptionalInt.empty());
    }

    public static Location of(String path) {
        return new Location(path, Optional.empty(), OptionalInt.empty());
    }

    public Location atLine(int lineNumber) {
        return new Location(path, layer, OptionalInt.of(lineNumber), column);
    }

    public Location atLineAndColumn(int lineNumber, int columnNumber) {
        return new Location(path, layer, OptionalInt.of(lineNumber), OptionalInt.of(columnNumber));
    }
}
