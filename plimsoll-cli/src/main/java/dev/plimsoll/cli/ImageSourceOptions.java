package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.engine.ReferenceSources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Where an image named by reference is looked for, as Trivy's {@code --image-src}: the local Docker engine, the
 * local Podman engine, the remote registry, in the order given (default: all three, in that order). Files and
 * directories are read as they are.
 */
record ImageSourceOptions(List<String> order, EngineOptions engine, Optional<Platform> platform) {
    static final List<String> NAMES = List.of("docker", "podman", "remote");
    static final ImageSourceOptions REMOTE_ONLY = new ImageSourceOptions(List.of("remote"), EngineOptions.NONE,
            Optional.empty());

    static void add(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--image-src").paramLabel("SRC[,SRC…]").type(String.class)
                .defaultValue(String.join(",", NAMES))
                .description("Where an image named by reference is looked for, in order: docker (the engine at"
                        + " --docker-host, $DOCKER_HOST or /var/run/docker.sock), podman ($XDG_RUNTIME_DIR/podman/"
                        + "podman.sock, /run/podman/podman.sock), remote (the registry). Default: ${DEFAULT-VALUE}."
                        + " An engine that is not there or lacks the image passes it on (--debug says why).")
                .build());
        EngineOptions.add(spec, "The Docker engine for --image-src docker");
    }

    static ImageSourceOptions from(ParseResult parsed) {
        if (parsed.commandSpec().findOption("--image-src") == null) {
            return REMOTE_ONLY;
        }
        Set<String> order = new LinkedHashSet<>();
        for (String name : parsed.matchedOptionValue("--image-src", String.join(",", NAMES)).split(",")) {
            String source = name.strip().toLowerCase(Locale.ROOT);
            if (!NAMES.contains(source)) {
                throw new UsageException("--image-src: unknown source '" + name.strip() + "' (expected "
                        + String.join(", ", NAMES) + ")");
            }
            order.add(source);
        }
        // only a platform asked for passes over an engine's image of another one (see ReferenceSources)
        Optional<Platform> platform = parsed.hasMatchedOption("--platform")
                ? Optional.of(ScanOptions.platform(parsed.matchedOptionValue("--platform", ""))) : Optional.empty();
        return new ImageSourceOptions(List.copyOf(order), EngineOptions.from(parsed), platform);
    }

    /** The sources for scanning {@code source}; only an image named by reference is looked for in engines. */
    ReferenceSources sources(Console console, ImageSource source) {
        if (!(source instanceof ImageSource.RegistryImage)) {
            return ReferenceSources.REGISTRY_ONLY;
        }
        List<ReferenceSources.Source> sources = new ArrayList<>();
        for (String name : order) {
            switch (name) {
                case "docker" -> docker(console).ifPresent(sources::add);
                case "podman" -> sources.add(ReferenceSources.LocalEngine.podman(console.host().env()));
                default -> sources.add(new ReferenceSources.Registry());
            }
        }
        if (sources.isEmpty()) {
            throw new UsageException("--image-src " + String.join(",", order) + ": $DOCKER_HOST is not an engine"
                    + " Plimsoll can reach (unix:// or tcp://) and no other source is left");
        }
        return new ReferenceSources(sources, note -> console.debug("image source " + note), platform);
    }

    /**
     * The Docker engine; a $DOCKER_HOST this client cannot use (ssh://, npipe://) leaves it out with a note, while
     * the same in --docker-host is a usage error.
     */
    private Optional<ReferenceSources.LocalEngine> docker(Console console) {
        String host = engine.dockerHostOrDefault(console);
        try {
            return Optional.of(ReferenceSources.LocalEngine.docker(Optional.of(host), engine.tls(console, host)));
        } catch (IllegalArgumentException e) {
            if (engine.dockerHost().isPresent()) {
                throw new UsageException("--docker-host: " + e.getMessage());
            }
            console.debug("image source docker: $DOCKER_HOST skipped: " + e.getMessage());
            return Optional.empty();
        }
    }
}
