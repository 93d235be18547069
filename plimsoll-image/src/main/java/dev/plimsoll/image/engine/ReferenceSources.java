package dev.plimsoll.image.engine;

import dev.plimsoll.core.image.Platform;
import dev.plimsoll.dockerapi.EngineEndpoint;
import dev.plimsoll.dockerapi.EngineTls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where an image named by reference ({@code nginx:1.27}) is looked for, in order, as Trivy's {@code --image-src}
 * does it: a local Docker engine, a local Podman engine, the remote registry. An engine that is not there, or does
 * not hold the image, passes the reference on to the next source with a note.
 *
 * @param order    the sources to try, first first; at least one
 * @param notes    where the notes go (which source was skipped and why); the command line shows them with --debug
 * @param platform the platform asked for explicitly (--platform): an engine's image of another platform is passed
 *                 over like one the engine lacks, as an engine holds one platform per name; none asked, an engine's
 *                 image is taken whatever its platform
 */
public record ReferenceSources(List<Source> order, Consumer<String> notes, Optional<Platform> platform) {
    /** The registry alone: what a library user gets unless asking for local engines. */
    public static final ReferenceSources REGISTRY_ONLY = new ReferenceSources(List.of(new Registry()), note -> { });

    public ReferenceSources {
        order = List.copyOf(order);
        Objects.requireNonNull(notes);
        Objects.requireNonNull(platform);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("no image source");
        }
    }

    /** No platform asked for. */
    public ReferenceSources(List<Source> order, Consumer<String> notes) {
        this(order, notes, Optional.empty());
    }

    /** One place to look for an image. */
    public sealed interface Source permits LocalEngine, Registry {
        /** The name {@code --image-src} uses. */
        String name();
    }

    /** The remote registry the reference names. */
    public record Registry() implements Source {
        @Override
        public String name() {
            return "remote";
        }
    }

    /**
     * A local engine reached through its API socket.
     *
     * @param kind      which engine, for messages and the report's source kind
     * @param endpoints where its API may listen, tried in order until one answers
     * @param tls       TLS for a tcp:// endpoint (docker's DOCKER_TLS_VERIFY and flags); read when first used
     */
    public record LocalEngine(Kind kind, List<EngineEndpoint> endpoints, Optional<EngineTls> tls) implements Source {
        public static final String DOCKER_SOCKET = EngineEndpoint.DEFAULT_HOST;
        public static final String PODMAN_ROOTFUL_SOCKET = "unix:///run/podman/podman.sock";

        public LocalEngine {
            Objects.requireNonNull(kind);
            endpoints = List.copyOf(endpoints);
            Objects.requireNonNull(tls);
        }

        @Override
        public String name() {
            return kind.label();
        }

        /**
         * The Docker engine: {@code dockerHost} (--docker-host, else $DOCKER_HOST), else the default socket.
         *
         * @throws IllegalArgumentException when the host is not unix:// or tcp://
         */
        public static LocalEngine docker(Optional<String> dockerHost, Optional<EngineTls> tls) {
            return new LocalEngine(Kind.DOCKER, List.of(EngineEndpoint.parse(dockerHost.orElse(DOCKER_SOCKET))), tls);
        }

        /** Podman: the rootless socket under $XDG_RUNTIME_DIR when that is set, then the rootful one. */
        public static LocalEngine podman(Map<String, String> env) {
            List<EngineEndpoint> endpoints = new ArrayList<>();
            String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
            if (runtime.startsWith("/")) {
                endpoints.add(EngineEndpoint.parse("unix://" + Path.of(runtime, "podman", "podman.sock")));
            }
            endpoints.add(EngineEndpoint.parse(PODMAN_ROOTFUL_SOCKET));
            return new LocalEngine(Kind.PODMAN, endpoints, Optional.empty());
        }
    }

    public enum Kind {
        DOCKER, PODMAN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The names of the sources, for messages: "docker, podman, remote". */
    public String names() {
        return String.join(", ", order.stream().map(Source::name).toList());
    }
}
