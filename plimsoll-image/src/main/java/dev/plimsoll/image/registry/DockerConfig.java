package dev.plimsoll.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.image.json.JsonDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Credentials as {@code docker login} stores them in {@code config.json}: {@code credHelpers} (per registry) and
 * {@code credsStore} (all registries) name a {@code docker-credential-NAME} program that is run with the server
 * on stdin, the only process Plimsoll ever starts; otherwise {@code auths} holds base64 {@code user:password} or an
 * {@code identitytoken}. Docker Hub is stored under {@code https://index.docker.io/v1/}.
 */
public final class DockerConfig implements CredentialSource {
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final long MAX_CONFIG_BYTES = 4L << 20;
    private static final int MAX_HELPER_OUTPUT = 1 << 20;
    private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(30);

    private final Path file;
    private final JsonNode root;
    private final List<Path> searchPath;

    private DockerConfig(Path file, JsonNode root, List<Path> searchPath) {
        this.file = file;
        this.root = root;
        this.searchPath = List.copyOf(searchPath);
    }

    /**
     * The config of {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}; a missing file knows
     * no credentials, an unreadable or malformed one is an error naming it.
     *
     * @param searchPath directories where credential helpers are looked up ($PATH)
     */
    public static CredentialSource load(Map<String, String> env, Path home, List<Path> searchPath) {
        String dir = env.get("DOCKER_CONFIG");
        Path file = (dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker")).resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return CredentialSource.none();
        }
        try {
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new ConfigException(file + ": larger than " + MAX_CONFIG_BYTES + " bytes");
            }
            JsonNode root = parse(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw new ConfigException(file + ": not a JSON object");
            }
            return new DockerConfig(file, root, searchPath);
        } catch (IOException e) {
            // Jackson's message may quote the file's content, which holds secrets: say where, not what
            throw new ConfigException(file + ": not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Optional<Credential> find(String registry) {
        String key = registry.equals("docker.io") ? DOCKER_HUB_KEY : registry;
        String helper = text(root.path("credHelpers").get(registry))
                .or(() -> text(root.path("credHelpers").get(key)))
                .or(() -> text(root.get("credsStore"))).orElse(null);
        if (helper != null) {
            Optional<Credential> fromHelper = runHelper(helper, key);
            if (fromHelper.isPresent()) {
                return fromHelper;
            }
        }
        JsonNode auths = root.path("auths");
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (hostOf(e.getKey()).equals(hostOf(key)) || hostOf(e.getKey()).equals(registry)) {
                return fromAuth(e.getKey(), e.getValue());
            }
        }
        return Optional.empty();
    }

    /** {@code https://host:5000/v1/} and {@code host:5000} are one registry. */
    static String hostOf(String key) {
        String k = key;
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        String host = slash >= 0 ? k.substring(0, slash) : k;
        return host.equals("index.docker.io") || host.equals("registry-1.docker.io") ? "docker.io" : host;
    }

    private Optional<Credential> fromAuth(String key, JsonNode entry) {
        Optional<String> identity = text(entry.get("identitytoken"));
        if (identity.isPresent()) {
            return Optional.of(new Credential.IdentityToken(identity.get()));
        }
        Optional<String> auth = text(entry.get("auth"));
        if (auth.isPresent()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.get().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": auths." + key + ".auth is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new ConfigException(file + ": auths." + key + ".auth is not base64 of user:password");
            }
            return Optional.of(new Credential.Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        Optional<String> user = text(entry.get("username"));
        Optional<String> password = text(entry.get("password"));
        if (user.isPresent() && password.isPresent()) {
            return Optional.of(new Credential.Basic(user.get(), password.get()));
        }
        return Optional.empty();
    }

    /**
     * Runs {@code docker-credential-NAME get}. A helper that does not know the server exits non-zero ("credentials
     * not found"): no credential then. Its stderr is not shown (helpers may print secrets there on failure).
     */
    private Optional<Credential> runHelper(String name, String server) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ConfigException(file + ": credential helper name '" + name + "' is not a plain program name");
        }
        String program = "docker-credential-" + name;
        Path executable = searchPath.stream().map(d -> d.resolve(program)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new ConfigException(file + " names credential helper " + program
                        + ", which is not on the PATH"));
        Process p;
        try {
            p = new ProcessBuilder(executable.toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new ConfigException("cannot run credential helper " + executable + ": " + e.getMessage());
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(server.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readNBytes(MAX_HELPER_OUTPUT);
            }
            if (!p.waitFor(HELPER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ConfigException("credential helper " + program + " did not answer within "
                        + HELPER_TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                return Optional.empty();
            }
            JsonNode answer = parse(out);
            Optional<String> user = text(answer == null ? null : answer.get("Username"));
            Optional<String> secret = text(answer == null ? null : answer.get("Secret"));
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(user.isEmpty() || user.get().equals("<token>")
                    ? new Credential.IdentityToken(secret.get())
                    : new Credential.Basic(user.get(), secret.get()));
        } catch (IOException e) {
            throw new ConfigException("credential helper " + program + " gave no usable answer ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while running credential helper " + program);
        }
    }

    /** Parses strictly; a parser's message may quote the secret it choked on, so only the failure is passed on. */
    private static JsonNode parse(byte[] bytes) throws IOException {
        try {
            return new JsonDocuments(MAX_CONFIG_BYTES).parse("credentials", bytes, "credentials");
        } catch (ImageException e) {
            throw new IOException("malformed JSON");
        }
    }

    private static Optional<String> text(JsonNode n) {
        return n != null && n.isTextual() && !n.textValue().isEmpty() ? Optional.of(n.textValue()) : Optional.empty();
    }
}
