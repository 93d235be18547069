package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.dockerapi.EngineEndpoint;
import dev.plimsoll.dockerapi.EngineTls;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * How a Docker engine's API is reached, with the docker CLI's own flags: {@code --docker-host} (else
 * $DOCKER_HOST, else the default socket) and {@code --tls}, {@code --tlsverify}, {@code --tlscacert},
 * {@code --tlscert}, {@code --tlskey} (else $DOCKER_TLS_VERIFY, $DOCKER_TLS and $DOCKER_CERT_PATH). TLS applies to a
 * tcp:// engine only, as with docker.
 */
record EngineOptions(Optional<String> dockerHost, EngineTls.Flags tlsFlags) {
    static final EngineOptions NONE = new EngineOptions(Optional.empty(), EngineTls.Flags.NONE);

    static void add(CommandSpec spec, String engine) {
        spec.addOption(OptionSpec.builder("--docker-host").paramLabel("URL").type(String.class)
                .description(engine + ": unix:///var/run/docker.sock (default, or $DOCKER_HOST), tcp://HOST:PORT.")
                .build());
        spec.addOption(OptionSpec.builder("--tls").description("Use TLS with a tcp:// engine, without verifying it"
                + " (as docker does; also $DOCKER_TLS).").build());
        spec.addOption(OptionSpec.builder("--tlsverify").description("Use TLS and verify the engine's certificate"
                + " and host name against --tlscacert (also $DOCKER_TLS_VERIFY).").build());
        spec.addOption(OptionSpec.builder("--tlscacert").paramLabel("FILE").type(Path.class)
                .description("CA certificates (PEM) the engine's certificate must chain to (default:"
                        + " $DOCKER_CERT_PATH/ca.pem, else ~/.docker/ca.pem).").build());
        spec.addOption(OptionSpec.builder("--tlscert").paramLabel("FILE").type(Path.class)
                .description("Client certificate (PEM) shown to the engine (default: cert.pem there, when it"
                        + " exists).").build());
        spec.addOption(OptionSpec.builder("--tlskey").paramLabel("FILE").type(Path.class)
                .description("The client certificate's key: PKCS#8, PKCS#1 RSA or SEC1 EC PEM (default: key.pem"
                        + " there, when it exists).").build());
    }

    static EngineOptions from(ParseResult parsed) {
        if (parsed.commandSpec().findOption("--tlsverify") == null) {
            return NONE;
        }
        return new EngineOptions(Optional.ofNullable(parsed.matchedOptionValue("--docker-host", null)),
                new EngineTls.Flags(parsed.hasMatchedOption("--tls"), parsed.hasMatchedOption("--tlsverify"),
                        Optional.ofNullable(parsed.matchedOptionValue("--tlscacert", null)),
                        Optional.ofNullable(parsed.matchedOptionValue("--tlscert", null)),
                        Optional.ofNullable(parsed.matchedOptionValue("--tlskey", null))));
    }

    /** Whether any of these options was given: they then name the engine to use. */
    boolean given() {
        return !equals(NONE);
    }

    /** --docker-host, else $DOCKER_HOST, when either is set. */
    Optional<String> dockerHost(Console console) {
        return dockerHost.or(() -> Optional.ofNullable(console.host().env().get("DOCKER_HOST"))
                .filter(h -> !h.isBlank()));
    }

    /** --docker-host, else $DOCKER_HOST, else the default socket. */
    String dockerHostOrDefault(Console console) {
        return dockerHost(console).orElse(EngineEndpoint.DEFAULT_HOST);
    }

    /**
     * The TLS set-up for {@code host} as docker resolves it; empty for a unix socket or plain HTTP. A --tls without
     * verification is said on stderr.
     */
    Optional<EngineTls> tls(Console console, String host) {
        Optional<EngineTls> tls;
        try {
            tls = EngineTls.resolve(tlsFlags, console.host().env(), console.host().home());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tlscert/--tlskey: " + e.getMessage());
        }
        if (tls.isEmpty() || !host.startsWith("tcp://")) {
            return Optional.empty();
        }
        if (!tls.get().verifyServer()) {
            console.warn("TLS to " + host + " without verifying the engine's certificate (--tls without"
                    + " --tlsverify)");
        }
        return tls;
    }
}
