package dev.plimsoll.image.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageReference;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.dockerapi.EngineEndpoint;
import dev.plimsoll.dockerapi.EngineException;
import dev.plimsoll.dockerapi.EngineHttp;
import dev.plimsoll.dockerapi.EngineTls;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.archive.ArchiveEntries;
import dev.plimsoll.image.dockerarchive.DockerArchiveReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Images a local Docker or Podman engine holds, read through its API: {@code GET /images/NAME/json} says whether it
 * has the image (404: it does not), then {@code GET /images/NAME/get} streams it as {@code docker save} writes it.
 * The stream is spooled to a private temporary file, bounded by {@link ImageLimits#maxArchiveBytes()}, read by the
 * docker-archive reader like any saved image, and deleted when the image is closed.
 */
public final class EngineImages {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The characters of a parsed reference; anything else is not put into a request path. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._/:@-]+");

    private final ImageLimits limits;
    private final DockerArchiveReader archives;
    private final Duration timeout;
    private final Path spoolDir;

    /**
     * @param timeout  how long connecting and each wait for data may take
     * @param spoolDir where the image's temporary file is written
     */
    public EngineImages(ImageLimits limits, DockerArchiveReader archives, Duration timeout, Path spoolDir) {
        this.limits = Objects.requireNonNull(limits);
        this.archives = Objects.requireNonNull(archives);
        this.timeout = Objects.requireNonNull(timeout);
        this.spoolDir = Objects.requireNonNull(spoolDir);
    }

    /** Made when an engine is asked, not with every opener: most scans never reach one. */
    private static ObjectMapper mapper() {
        return new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build()).build());
    }

    /**
     * The image when {@code engine} holds it; empty, with a note, when the engine is not there or does not have it.
     *
     * @param name the user's words for the image, as the report shows it
     * @throws ImageException when the engine answers with an error, breaks off the stream, or sends something that
     *                        is not a docker-archive
     */
    public Optional<Image> open(ReferenceSources.LocalEngine engine, ImageReference reference, String name,
                                Consumer<String> notes) {
        return open(engine, reference, name, Optional.empty(), notes);
    }

    /**
     * As above; with {@code platform}, an image the engine holds for another platform is passed over as one it
     * lacks (an engine holds one platform per name, so the registry's index may still have the one asked for).
     */
    public Optional<Image> open(ReferenceSources.LocalEngine engine, ImageReference reference, String name,
                                Optional<Platform> platform, Consumer<String> notes) {
        String engineName = engine.kind().label();
        // podman resolves short names through its search registries; the full name is unambiguous to both
        String requested = engine.kind() == ReferenceSources.Kind.PODMAN ? reference.canonical()
                : reference.familiar();
        if (!SAFE_NAME.matcher(requested).matches()) {
            throw new ImageException(name, "not a name an engine can be asked for: " + requested);
        }
        Optional<EngineTls.Context> tls = Optional.empty();
        for (EngineEndpoint endpoint : engine.endpoints()) {
            if (endpoint.address() instanceof UnixDomainSocketAddress unix && !Files.exists(unix.getPath())) {
                notes.accept(engineName + ": no socket at " + unix.getPath());
                continue;
            }
            if (engine.tls().isPresent() && endpoint.tcpHost().isPresent() && tls.isEmpty()) {
                tls = Optional.of(loadTls(engine.tls().get(), engineName, name));
            }
            EngineHttp http = new EngineHttp(endpoint, endpoint.tcpHost().isPresent() ? tls : Optional.empty(),
                    timeout);
            String inspectPath = "/images/" + requested + "/json";
            EngineHttp.Response inspect;
            try {
                inspect = http.get(inspectPath, limits.maxDocumentBytes());
            } catch (EngineException e) {
                if (e.unreachable()) {
                    notes.accept(engineName + ": " + e.getMessage());
                    continue;
                }
                throw new ImageException(name, engineName + " engine at " + endpoint.dockerHost() + ": "
                        + e.getMessage(), e);
            }
            if (inspect.status() == 404) {
                notes.accept(engineName + " at " + endpoint.dockerHost() + " does not hold " + requested);
                continue;
            }
            if (inspect.status() != 200) {
                throw new ImageException(name, engineName + " engine at " + endpoint.dockerHost() + ": GET "
                        + inspectPath + ": HTTP " + inspect.status() + engineMessage(inspect.body()));
            }
            JsonNode details = details(inspect.body(), name, engineName, inspectPath);
            Optional<Platform> held = heldPlatform(details);
            if (platform.isPresent() && held.isPresent() && !platform.get().matches(held.get())) {
                notes.accept(engineName + " at " + endpoint.dockerHost() + " holds " + requested + " for "
                        + held.get() + ", not " + platform.get() + " as asked");
                continue;
            }
            notes.accept(engineName + " at " + endpoint.dockerHost() + " holds " + requested + " ("
                    + details.path("Id").asText("no id") + "); reading it from there");
            return Optional.of(fetch(http, requested, name, engine.kind(), reference, details));
        }
        return Optional.empty();
    }

    /** The platform of an inspected image (Os, Architecture, Variant), when the engine states it. */
    private static Optional<Platform> heldPlatform(JsonNode details) {
        String os = details.path("Os").asText("");
        String architecture = details.path("Architecture").asText("");
        if (os.isBlank() || architecture.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Platform.parse(os + "/" + architecture
                    + (details.path("Variant").asText("").isBlank() ? "" : "/" + details.path("Variant").asText())));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a platform we can compare: taken as the engine holds it
        }
    }

    private static EngineTls.Context loadTls(EngineTls settings, String engineName, String name) {
        try {
            return settings.load();
        } catch (EngineException e) {
            throw new ImageException(name, engineName + " engine TLS: " + e.getMessage(), e);
        }
    }

    private static JsonNode details(byte[] body, String name, String engineName, String path) {
        try {
            JsonNode node = mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw new ImageException(name, engineName + " engine: GET " + path + ": not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ImageException(name, engineName + " engine: GET " + path + ": the response is not valid JSON");
        }
    }

    private Image fetch(EngineHttp http, String requested, String name, ReferenceSources.Kind kind,
                        ImageReference reference, JsonNode details) {
        String path = "/images/" + requested + "/get";
        Path spool = spool(http, path, name, kind);
        try {
            ArchiveEntries entries = ArchiveEntries.open(spool, name, limits);
            Image image;
            try {
                image = archives.read(entries, name, Optional.empty());
            } catch (RuntimeException e) {
                closeQuietly(entries, e);
                throw e;
            }
            return new SpooledImage(image, spool, kind.label(), repoDigest(details, reference));
        } catch (RuntimeException e) {
            deleteQuietly(spool, e);
            throw e;
        }
    }

    /** The image's tar stream in a private temporary file, or an error that says how it ended. */
    private Path spool(EngineHttp http, String path, String name, ReferenceSources.Kind kind) {
        String engineName = kind.label();
        Path spool;
        try {
            spool = Files.createTempFile(spoolDir, "plimsoll-" + engineName + "-", ".tar",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            try {
                spool = Files.createTempFile(spoolDir, "plimsoll-" + engineName + "-", ".tar");
            } catch (IOException io) {
                throw new ImageException(name, "cannot create a temporary file in " + spoolDir + ": "
                        + io.getMessage(), io);
            }
        } catch (IOException e) {
            throw new ImageException(name, "cannot create a temporary file in " + spoolDir + ": " + e.getMessage(), e);
        }
        try (EngineHttp.Streamed response = http.stream(path)) {
            if (response.status() != 200) {
                byte[] body = response.body().readNBytes(64 * 1024);
                throw new ImageException(name, engineName + " engine: GET " + path + ": HTTP " + response.status()
                        + engineMessage(body));
            }
            copy(response.body(), spool, http, path, name, engineName);
            return spool;
        } catch (EngineException e) {
            deleteQuietly(spool, null);
            throw new ImageException(name, engineName + " engine: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(spool, null);
            throw new ImageException(name, engineName + " engine: " + http.failed(path, e).getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(spool, e);
            throw e;
        }
    }

    private void copy(InputStream body, Path spool, EngineHttp http, String path, String name, String engineName)
            throws IOException {
        long max = limits.maxArchiveBytes();
        long total = 0;
        byte[] buffer = new byte[256 * 1024];
        try (OutputStream out = Files.newOutputStream(spool)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > max) {
                    throw new ImageException(name, engineName + " engine: GET " + path + ": the image is larger than"
                            + " " + max + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new ImageException(name, engineName + " engine: GET " + path + ": empty response");
        }
    }

    /** The registry digest the engine records for this repository, when it records exactly one. */
    private static Optional<Digest> repoDigest(JsonNode details, ImageReference reference) {
        Optional<Digest> found = Optional.empty();
        for (JsonNode entry : details.path("RepoDigests")) {
            String text = entry.asText("");
            int at = text.indexOf('@');
            if (at <= 0) {
                continue;
            }
            ImageReference recorded;
            try {
                recorded = ImageReference.parse(text);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (recorded.name().equals(reference.name())) {
                Optional<Digest> digest;
                try {
                    digest = Optional.of(Digest.parse(text.substring(at + 1)));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (found.isPresent() && !found.equals(digest)) {
                    return Optional.empty();
                }
                found = digest;
            }
        }
        return found;
    }

    private static String engineMessage(byte[] body) {
        try {
            JsonNode message = mapper().readTree(body).path("message");
            if (message.isTextual()) {
                return ": " + abbreviate(message.asText());
            }
        } catch (IOException e) {
            // not JSON: the status alone says it
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + abbreviate(text);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static void closeQuietly(ArchiveEntries entries, RuntimeException failure) {
        try {
            entries.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteQuietly(Path file, RuntimeException failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
