package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.ImageReference;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.engine.cache.LayerCache;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.registry.Credential;
import dev.plimsoll.image.registry.CredentialSource;
import dev.plimsoll.image.registry.DockerConfig;
import dev.plimsoll.image.registry.DocumentCache;
import dev.plimsoll.image.registry.DownloadListener;
import dev.plimsoll.image.registry.RegistrySettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * How images are pulled from registries, and where the layer cache lives. Credentials, in order: --username with
 * --password-stdin; $PLIMSOLL_REGISTRY_USERNAME and $PLIMSOLL_REGISTRY_PASSWORD; docker's config.json
 * ($DOCKER_CONFIG or ~/.docker: credHelpers, credsStore, auths). The first two apply to the scanned image's
 * registry only. Mirrors come from --registry-mirror and $PLIMSOLL_REGISTRY_MIRRORS (comma-separated, same form).
 */
record RegistryOptions(Optional<String> username, boolean passwordStdin, List<String> insecure, Optional<Path> ca,
                       List<String> mirrors, Optional<Path> cacheDir, boolean noCache) {
    static final String ENV_USERNAME = "PLIMSOLL_REGISTRY_USERNAME";
    static final String ENV_PASSWORD = "PLIMSOLL_REGISTRY_PASSWORD";
    static final String ENV_MIRRORS = "PLIMSOLL_REGISTRY_MIRRORS";
    static final RegistryOptions NONE = new RegistryOptions(Optional.empty(), false, List.of(), Optional.empty(),
            List.of(), Optional.empty(), true);
    private static final int MAX_PASSWORD_BYTES = 64 * 1024;

    static void add(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--username").paramLabel("USER").type(String.class)
                .description("Registry user name for the image's registry; the password is read from stdin"
                        + " (--password-stdin). Also $" + ENV_USERNAME + " with $" + ENV_PASSWORD
                        + "; otherwise docker's config.json (credential helpers included).").build());
        spec.addOption(OptionSpec.builder("--password-stdin")
                .description("Read the registry password (or token) from stdin.").build());
        spec.addOption(OptionSpec.builder("--insecure-registry").paramLabel("HOST[:PORT]").type(String[].class)
                .description("Reach this registry over plain HTTP or TLS without verification; repeatable."
                        + " Every other registry gets verified TLS.").build());
        spec.addOption(OptionSpec.builder("--registry-ca").paramLabel("FILE").type(Path.class)
                .description("Trust the CA certificates in this PEM file for registries, besides the system's.")
                .build());
        spec.addOption(OptionSpec.builder("--registry-mirror").paramLabel("REGISTRY=MIRROR").type(String[].class)
                .description("Try MIRROR (host[:port]) before REGISTRY (e.g. docker.io=mirror.gcr.io); repeatable,"
                        + " in order. Also $" + ENV_MIRRORS + ", comma-separated.").build());
        spec.addOption(OptionSpec.builder("--cache-dir").paramLabel("DIR").type(Path.class)
                .description("Where the layer cache lives (default: plimsoll/ under $XDG_CACHE_HOME or ~/.cache);"
                        + " layers of registry images already seen there are neither downloaded nor read"
                        + " again.").build());
        spec.addOption(OptionSpec.builder("--no-cache").description("Do not use or fill the layer cache.")
                .build());
    }

    static RegistryOptions from(ParseResult parsed) {
        if (parsed.commandSpec().findOption("--insecure-registry") == null) {
            return NONE;
        }
        return new RegistryOptions(Optional.ofNullable(parsed.matchedOptionValue("--username", null)),
                parsed.hasMatchedOption("--password-stdin"),
                List.of(parsed.matchedOptionValue("--insecure-registry", new String[0])),
                Optional.ofNullable(parsed.matchedOptionValue("--registry-ca", null)),
                List.of(parsed.matchedOptionValue("--registry-mirror", new String[0])),
                Optional.ofNullable(parsed.matchedOptionValue("--cache-dir", null)),
                parsed.hasMatchedOption("--no-cache"));
    }

    /** The settings for scanning {@code source}; reads the password from stdin when asked to. */
    RegistrySettings settings(Console console, ImageSource source, DownloadListener listener) {
        if (username.isPresent() != passwordStdin) {
            throw new UsageException("--username and --password-stdin go together");
        }
        if (!(source instanceof ImageSource.RegistryImage)) {
            // a local image: docker's config.json is not read, so a broken one cannot fail the scan
            return RegistrySettings.defaults();
        }
        Console.Host host = console.host();
        List<CredentialSource> sources = new ArrayList<>();
        if (source instanceof ImageSource.RegistryImage r) {
            String registry = r.reference().registry();
            if (username.isPresent()) {
                sources.add(CredentialSource.forRegistry(registry,
                        new Credential.Basic(username.get(), readPassword(host))));
            }
            String envUser = host.env().get(ENV_USERNAME);
            String envPassword = host.env().get(ENV_PASSWORD);
            if (envUser != null && !envUser.isEmpty() && envPassword != null) {
                sources.add(CredentialSource.forRegistry(registry, new Credential.Basic(envUser, envPassword)));
            }
        }
        List<Path> path = Arrays.stream(host.env().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(p -> !p.isBlank()).map(Path::of).toList();
        sources.add(DockerConfig.load(host.env(), host.home(), path));
        ca.ifPresent(f -> {
            if (!Files.isRegularFile(f)) {
                throw new UsageException("--registry-ca: no such file: " + f);
            }
        });
        return RegistrySettings.defaults().withCredentials(CredentialSource.firstOf(sources))
                .withInsecureHosts(Set.copyOf(insecure)).withCaFile(ca).withMirrors(mirrors(host.env()))
                .withListener(listener).withDocuments(cache(console, source)
                        .map(c -> new DocumentCache(c.directory(), ImageLimits.DEFAULTS.maxDocumentBytes())));
    }

    /** The layer cache for a scan of {@code source}: registry images only (a local archive is read as fast). */
    Optional<LayerCache> cache(Console console, ImageSource source) {
        if (noCache || !(source instanceof ImageSource.RegistryImage)) {
            return Optional.empty();
        }
        Path root = cacheDir.orElseGet(() -> LayerCache.defaultRoot(console.host().env(), console.host().home()));
        return Optional.of(LayerCache.under(root));
    }

    private Map<String, List<String>> mirrors(Map<String, String> env) {
        List<String> all = new ArrayList<>(mirrors);
        String fromEnv = env.get(ENV_MIRRORS);
        if (fromEnv != null && !fromEnv.isBlank()) {
            all.addAll(List.of(fromEnv.split(",")));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String m : all) {
            int eq = m.indexOf('=');
            if (eq <= 0 || eq == m.length() - 1) {
                throw new UsageException("--registry-mirror: '" + m + "' is not REGISTRY=MIRROR");
            }
            String registry = m.substring(0, eq).strip();
            String normalized = registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")
                    ? ImageReference.DOCKER_HUB : registry;
            out.computeIfAbsent(normalized, k -> new ArrayList<>()).add(m.substring(eq + 1).strip());
        }
        return out;
    }

    private static String readPassword(Console.Host host) {
        try {
            byte[] bytes = host.in().readNBytes(MAX_PASSWORD_BYTES + 1);
            if (bytes.length > MAX_PASSWORD_BYTES) {
                throw new UsageException("--password-stdin: more than " + MAX_PASSWORD_BYTES + " bytes on stdin");
            }
            String password = new String(bytes, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new UsageException("--password-stdin: stdin is empty");
            }
            return password;
        } catch (IOException e) {
            throw new UsageException("--password-stdin: cannot read stdin: " + e.getMessage());
        }
    }
}
