package dev.plimsoll.core.problem;

import java.util.Objects;
import java.util.Optional;

/**
 * A partial failure, kept as data so every report can say what was not read.
 *
 * @param kind      what happened
 * @param component who noticed: an analyzer id ("os/dpkg") or a stage ("image", "fs")
 * @param layer     the layer id, when the problem belongs to one
 * @param path      the file or entry, when the problem belongs to one
 * @param message   what is wrong, for people
 */
public record ScanProblem(ProblemKind kind, String component, Optional<String> layer, Optional<String> path,
                          String message) {
    public ScanProblem {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(component);
        Objects.requireNonNull(layer);
        Objects.requireNonNull(path);
        Objects.requireNonNull(message);
    }

    public static ScanProblem of(ProblemKind kind, String component, String path, String message) {
        return new ScanProblem(kind, component, Optional.empty(), Optional.ofNullable(path), message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(component).append(": ");
        layer.ifPresent(l -> sb.append("layer ").append(l).append(": "));
        path.ifPresent(p -> sb.append(p).append(": "));
        return sb.append(message).toString();
    }
}
