package dev.plimsoll.core.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The parts of an OCI/Docker image configuration that checks use. Empty values are empty, never null. */
public record ImageConfig(Platform platform, Optional<String> user, List<String> env, List<String> entrypoint,
                          List<String> cmd, Optional<String> workingDir, Set<String> exposedPorts, Set<String> volumes,
                          Map<String, String> labels, Optional<Healthcheck> healthcheck, Optional<String> stopSignal,
                          Optional<String> created, List<HistoryEntry> history, List<Digest> diffIds) {
    public ImageConfig {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(user);
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        Objects.requireNonNull(workingDir);
        exposedPorts = Set.copyOf(exposedPorts);
        volumes = Set.copyOf(volumes);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(healthcheck);
        Objects.requireNonNull(stopSignal);
        Objects.requireNonNull(created);
        history = List.copyOf(history);
        diffIds = List.copyOf(diffIds);
    }

    /** The config of a root filesystem directory: nothing but the platform is known. */
    public static ImageConfig empty(Platform platform) {
        return new ImageConfig(platform, Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Set.of(), Set.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of());
    }
}
