package dev.plimsoll.image.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageReference;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.dockerapi.EngineEndpoint;
import dev.plimsoll.dockerapi.EngineTls;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.ImageOpener;
import dev.plimsoll.image.dockerarchive.DockerArchiveReader;
import dev.plimsoll.image.json.JsonDocuments;
import dev.plimsoll.image.registry.RegistrySettings;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.ImageBuilder.Compression;
import dev.plimsoll.testkit.TarBuilder;
import dev.plimsoll.testkit.engine.EnginePki;
import dev.plimsoll.testkit.engine.FakeEngine;
import dev.plimsoll.testkit.engine.FakeEngine.Framing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineImagesTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @TempDir
    Path tmp;
    Path spool;
    Path socket;
    byte[] archive;
    final List<String> notes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void image() throws IOException {
        spool = Files.createDirectories(tmp.resolve("spool"));
        socket = tmp.resolve("docker.sock");
        Path tar = tmp.resolve("app.tar");
        ImageBuilder.image().tag("team/app:1")
                .layer(TarBuilder.tar().dir("etc/").file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.0\n").build(),
                        Compression.GZIP, "ADD rootfs /")
                .layer(TarBuilder.tar().dir("app/").file("app/run.sh", "#!/bin/sh\necho hi\n").build())
                .user("app")
                .writeDockerArchive(tar, Compression.NONE);
        archive = Files.readAllBytes(tar);
    }

    private EngineImages images(ImageLimits limits) {
        return new EngineImages(limits, new DockerArchiveReader(new JsonDocuments(limits.maxDocumentBytes()), limits),
                Duration.ofSeconds(10), spool);
    }

    private ReferenceSources.LocalEngine docker() {
        return ReferenceSources.LocalEngine.docker(Optional.of("unix://" + socket), Optional.empty());
    }

    private static String details() {
        return "{\"Id\":\"sha256:" + "cd".repeat(32) + "\",\"RepoTags\":[\"team/app:1\"],\"RepoDigests\":"
                + "[\"team/app@" + DIGEST + "\",\"mirror.example/team/app@sha256:" + "ef".repeat(32) + "\"]}";
    }

    private FakeEngine engineHolding(String name, Framing framing) throws IOException {
        return new FakeEngine(socket).route("/images/" + name + "/json", 200, details(), Framing.CONTENT_LENGTH)
                .route("/images/" + name + "/get", 200, archive, framing);
    }

    /** Every layer's entries and contents, for comparing two reads of one image. */
    private static List<String> contents(Image image) throws IOException {
        List<String> out = new ArrayList<>();
        for (LayerRef layer : image.layers()) {
            try (LayerReader reader = image.openLayer(layer)) {
                for (RawEntry e = reader.next(); e != null; e = reader.next()) {
                    try (InputStream in = reader.content()) {
                        out.add(layer.index() + " " + e + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void readsTheImageTheEngineHoldsAsTheSavedArchiveReadsAndDeletesItsCopy() throws IOException {
        try (FakeEngine engine = engineHolding("team/app:1", Framing.CHUNKED)) {
            Optional<Image> opened = images(ImageLimits.DEFAULTS).open(docker(), ImageReference.parse("team/app:1"),
                    "team/app:1", notes::add);
            assertThat(opened).isPresent();
            Path direct = tmp.resolve("direct.tar");
            Files.write(direct, archive);
            try (Image fromEngine = opened.get();
                 Image fromTar = new ImageOpener().open(new ImageSource.DockerArchive(direct, Optional.empty()),
                         Platform.LINUX_AMD64)) {
                assertThat(fromEngine.summary().name()).isEqualTo("team/app:1");
                assertThat(fromEngine.summary().sourceKind()).isEqualTo("docker");
                assertThat(fromEngine.summary().manifestDigest()).contains(Digest.parse(DIGEST));
                assertThat(fromEngine.summary().configDigest()).isEqualTo(fromTar.summary().configDigest());
                assertThat(fromEngine.summary().repoTags()).containsExactly("team/app:1");
                assertThat(fromEngine.config()).isEqualTo(fromTar.config());
                assertThat(fromEngine.layers()).isEqualTo(fromTar.layers());
                assertThat(contents(fromEngine)).isEqualTo(contents(fromTar)).hasSize(4);
                assertThat(files(spool)).singleElement().satisfies(f -> assertThat(
                        Files.getPosixFilePermissions(f)).hasSize(2));
            }
            assertThat(files(spool)).isEmpty();
            assertThat(engine.paths()).containsExactly("/images/team/app:1/json", "/images/team/app:1/get");
            assertThat(notes).singleElement().asString().contains("holds team/app:1");
        }
    }

    @Test
    void anImageTheEngineDoesNotHoldIsPassedOnWithANote() throws IOException {
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/images/nginx:1.27/json", 404, "{\"message\":\"No such image: nginx:1.27\"}",
                    Framing.CONTENT_LENGTH);
            assertThat(images(ImageLimits.DEFAULTS).open(docker(), ImageReference.parse("nginx:1.27"), "nginx:1.27",
                    notes::add)).isEmpty();
            assertThat(engine.paths()).containsExactly("/images/nginx:1.27/json");
            assertThat(notes).containsExactly("docker at unix://" + socket + " does not hold nginx:1.27");
        }
    }

    @Test
    void noEngineThereIsPassedOnWithoutARequest() {
        assertThat(images(ImageLimits.DEFAULTS).open(docker(), ImageReference.parse("nginx:1.27"), "nginx:1.27",
                notes::add)).isEmpty();
        assertThat(notes).containsExactly("docker: no socket at " + socket);
    }

    @Test
    void podmanIsAskedForTheFullNameOnItsRootlessSocketFirst() throws IOException {
        Path runtime = Files.createDirectories(tmp.resolve("run/user/1000/podman"));
        socket = runtime.resolve("podman.sock");
        ReferenceSources.LocalEngine podman = ReferenceSources.LocalEngine.podman(
                Map.of("XDG_RUNTIME_DIR", tmp.resolve("run/user/1000").toString()));
        assertThat(podman.endpoints()).extracting(EngineEndpoint::dockerHost).containsExactly(
                "unix://" + socket, "unix:///run/podman/podman.sock");
        try (FakeEngine engine = engineHolding("docker.io/team/app:1", Framing.CONTENT_LENGTH)) {
            Optional<Image> opened = images(ImageLimits.DEFAULTS).open(podman, ImageReference.parse("team/app:1"),
                    "team/app:1", notes::add);
            assertThat(opened).hasValueSatisfying(image -> assertThat(image.summary().sourceKind())
                    .isEqualTo("podman"));
            opened.get().close();
            assertThat(engine.paths()).containsExactly("/images/docker.io/team/app:1/json",
                    "/images/docker.io/team/app:1/get");
        }
    }

    @Test
    void aStreamCutShortIsAClearErrorAndLeavesNoFile() throws IOException {
        try (FakeEngine engine = engineHolding("team/app:1", Framing.TRUNCATED)) {
            assertThatThrownBy(() -> images(ImageLimits.DEFAULTS).open(docker(), ImageReference.parse("team/app:1"),
                    "team/app:1", notes::add))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("team/app:1")
                    .hasMessageContaining("docker engine: GET /images/team/app:1/get: connection closed before the"
                            + " end of the response");
            assertThat(files(spool)).isEmpty();
        }
    }

    @Test
    void anImageOverTheArchiveBoundIsRefused() throws IOException {
        try (FakeEngine engine = engineHolding("team/app:1", Framing.CHUNKED)) {
            ImageLimits small = ImageLimits.DEFAULTS.withMaxArchiveBytes(archive.length - 1);
            assertThatThrownBy(() -> images(small).open(docker(), ImageReference.parse("team/app:1"), "team/app:1",
                    notes::add))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("the image is larger than " + (archive.length - 1) + " bytes");
            assertThat(files(spool)).isEmpty();
        }
    }

    @Test
    void engineErrorsAreReportedNotPassedOn() throws IOException {
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/images/team/app:1/json", 500, "{\"message\":\"layer store is broken\"}",
                    Framing.CHUNKED);
            assertThatThrownBy(() -> images(ImageLimits.DEFAULTS).open(docker(), ImageReference.parse("team/app:1"),
                    "team/app:1", notes::add))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("docker engine at unix://" + socket + ": GET /images/team/app:1/json:"
                            + " HTTP 500: layer store is broken");
        }
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/images/team/app:1/json", 200, details(), Framing.CHUNKED)
                    .route("/images/team/app:1/get", 200, "this is not a tar archive at all", Framing.CHUNKED);
            assertThatThrownBy(() -> images(ImageLimits.DEFAULTS).open(docker(), ImageReference.parse("team/app:1"),
                    "team/app:1", notes::add))
                    .isInstanceOf(ImageException.class).hasMessageContaining("team/app:1");
            assertThat(files(spool)).isEmpty();
        }
    }

    @Test
    void theOpenerAsksEachSourceInOrder() throws IOException {
        ReferenceSources.LocalEngine podman = new ReferenceSources.LocalEngine(ReferenceSources.Kind.PODMAN,
                List.of(EngineEndpoint.parse("unix://" + tmp.resolve("no-podman.sock"))), Optional.empty());
        ImageOpener opener = new ImageOpener(ImageLimits.DEFAULTS, RegistrySettings.defaults(),
                new ReferenceSources(List.of(docker(), podman), notes::add));
        ImageSource.RegistryImage source = new ImageSource.RegistryImage(ImageReference.parse("team/app:1"));
        try (FakeEngine engine = new FakeEngine(socket)) {
            assertThatThrownBy(() -> opener.open(source, Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("no such image in docker, podman");
            assertThat(engine.paths()).containsExactly("/images/team/app:1/json");
            assertThat(notes).containsExactly("docker at unix://" + socket + " does not hold team/app:1",
                    "podman: no socket at " + tmp.resolve("no-podman.sock"));
        }
        notes.clear();
        try (FakeEngine engine = engineHolding("team/app:1", Framing.UNTIL_CLOSE);
             Image image = opener.open(source, Platform.LINUX_AMD64)) {
            assertThat(image.summary().sourceKind()).isEqualTo("docker");
            assertThat(image.layers()).hasSize(2);
        }
    }

    @Test
    void aTlsEngineIsVerifiedAndAnEngineNotListeningIsPassedOn() throws Exception {
        EnginePki pki = EnginePki.create(Files.createDirectories(tmp.resolve("pki")));
        Path[] client = pki.client("client", EnginePki.KeyForm.SEC1_EC);
        EngineTls tls = new EngineTls(true, pki.dir().resolve("ca.pem"), Optional.of(client[0]),
                Optional.of(client[1]));
        try (FakeEngine engine = FakeEngine.tls(pki.serverContext(), true)) {
            engine.route("/images/team/app:1/json", 200, details(), Framing.CONTENT_LENGTH)
                    .route("/images/team/app:1/get", 200, archive, Framing.CHUNKED);
            ReferenceSources.LocalEngine docker = ReferenceSources.LocalEngine.docker(
                    Optional.of("tcp://localhost:" + engine.port()), Optional.of(tls));
            Optional<Image> opened = images(ImageLimits.DEFAULTS).open(docker, ImageReference.parse("team/app:1"),
                    "team/app:1", notes::add);
            assertThat(opened).hasValueSatisfying(i -> assertThat(i.layers()).hasSize(2));
            opened.get().close();

            EngineTls wrongCa = new EngineTls(true, pki.otherCa("other"), Optional.of(client[0]),
                    Optional.of(client[1]));
            assertThatThrownBy(() -> images(ImageLimits.DEFAULTS).open(ReferenceSources.LocalEngine.docker(
                    Optional.of("tcp://localhost:" + engine.port()), Optional.of(wrongCa)),
                    ImageReference.parse("team/app:1"), "team/app:1", notes::add))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("the engine's certificate is not signed by the CA in "
                            + pki.dir().resolve("other.pem"));
        }
        int closed;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        notes.clear();
        assertThat(images(ImageLimits.DEFAULTS).open(ReferenceSources.LocalEngine.docker(
                Optional.of("tcp://127.0.0.1:" + closed), Optional.empty()), ImageReference.parse("team/app:1"),
                "team/app:1", notes::add)).isEmpty();
        assertThat(notes).singleElement().asString().startsWith("docker: cannot reach the engine at tcp://127.0.0.1:"
                + closed);
    }
}
