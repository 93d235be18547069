package dev.plimsoll.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.image.Layers.Item;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.ImageBuilder.Compression;
import dev.plimsoll.testkit.TarBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceKindsTest {
    @TempDir
    Path tmp;

    private final ImageOpener opener = new ImageOpener();

    /** Every way of writing the same image. */
    enum Format {
        DOCKER("docker-archive"), DOCKER_LINKED("docker-archive"), DOCKER_25("docker-archive"), OCI_DIR("oci"),
        OCI_ARCHIVE("oci-archive");

        final String kind;

        Format(String kind) {
            this.kind = kind;
        }

        ImageSource write(ImageBuilder b, Path tmp, Compression outer, boolean explicit) {
            Path p = tmp.resolve(name() + "-" + outer);
            switch (this) {
                case DOCKER -> b.writeDockerArchive(p, outer);
                case DOCKER_LINKED -> b.writeDockerArchiveWithLinks(p, outer);
                case DOCKER_25 -> b.writeDockerArchiveOciLayout(p, outer);
                case OCI_DIR -> b.writeOciLayout(p);
                case OCI_ARCHIVE -> b.writeOciArchive(p, outer);
            }
            if (this == OCI_DIR) {
                return new ImageSource.OciLayout(p, Optional.empty());
            }
            if (!explicit) {
                return new ImageSource.ArchiveFile(p, Optional.empty());
            }
            return kind.equals("oci-archive") ? new ImageSource.OciArchive(p, Optional.empty())
                    : new ImageSource.DockerArchive(p, Optional.empty());
        }
    }

    static Stream<Arguments> everyFormat() {
        List<Arguments> out = new ArrayList<>();
        for (Format f : Format.values()) {
            for (Compression outer : Compression.values()) {
                if (f == Format.OCI_DIR && outer != Compression.NONE) {
                    continue;
                }
                for (Compression layers : Compression.values()) {
                    out.add(Arguments.of(f, outer, layers));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, outer {1}, layers {2}")
    @MethodSource("everyFormat")
    void everySourceKindGivesTheSameImage(Format format, Compression outer, Compression layerCompression)
            throws Exception {
        ImageSource source = format.write(Samples.sample(layerCompression), tmp, outer, true);

        try (Image image = opener.open(source, Platform.LINUX_AMD64)) {
            assertThat(image.summary().sourceKind()).isEqualTo(format.kind);
            assertThat(image.summary().name()).isEqualTo(source.displayName());
            assertThat(image.summary().platform()).isEqualTo(Platform.LINUX_AMD64);
            assertThat(image.summary().configDigest()).isPresent();
            assertThat(image.summary().manifestDigest().isPresent()).isEqualTo(format.kind.startsWith("oci"));
            assertSampleConfig(image.config());

            List<LayerRef> layers = image.layers();
            assertThat(layers).hasSize(2);
            assertThat(layers).extracting(LayerRef::index).containsExactly(0, 1);
            assertThat(layers).extracting(LayerRef::diffId)
                    .containsExactly(Optional.of(sha256(Samples.baseLayer())), Optional.of(sha256(Samples.topLayer())));
            assertThat(layers).extracting(LayerRef::createdBy)
                    .containsExactly(Optional.of("ADD rootfs.tar /"), Optional.of("COPY app /app"));
            assertThat(layers).allSatisfy(l -> assertThat(l.size()).isPositive());
            boolean namedByBlobDigest = format.kind.startsWith("oci") || format == Format.DOCKER_25;
            if (namedByBlobDigest && layerCompression != Compression.NONE) {
                assertThat(layers.get(0).digest()).isNotEqualTo(layers.get(0).diffId());
            } else {
                // an uncompressed blob's digest is its diff id; classic docker-archive knows nothing else
                assertThat(layers.get(0).digest()).isEqualTo(layers.get(0).diffId());
            }

            assertSampleLayers(Layers.readAll(image));
        }
    }

    @ParameterizedTest(name = "{0}, outer {1}")
    @MethodSource("everyFormat")
    void archivesAreRecognisedByContent(Format format, Compression outer, Compression layerCompression)
            throws Exception {
        ImageSource source = format.write(Samples.sample(layerCompression), tmp, outer, false);
        try (Image image = opener.open(source, Platform.LINUX_AMD64)) {
            assertThat(image.summary().sourceKind()).isEqualTo(format.kind);
            assertSampleLayers(Layers.readAll(image));
        }
    }

    @Test
    void dockerMediaTypesAreReadLikeOciOnes() throws Exception {
        Path dir = tmp.resolve("layout");
        Samples.sample(Compression.GZIP).dockerMediaTypes().writeOciLayout(dir);
        try (Image image = opener.open(new ImageSource.OciLayout(dir, Optional.empty()), Platform.LINUX_AMD64)) {
            assertThat(image.layers()).extracting(l -> l.mediaType().orElseThrow())
                    .containsOnly("application/vnd.docker.image.rootfs.diff.tar.gzip");
            assertSampleLayers(Layers.readAll(image));
        }
    }

    @Test
    void compressedArchiveLayersCanBeReadAgainAndInAnyOrder() throws Exception {
        Path file = tmp.resolve("image.tar.zst");
        Samples.sample(Compression.NONE).writeDockerArchive(file, Compression.ZSTD);
        try (Image image = opener.open(new ImageSource.DockerArchive(file, Optional.empty()), Platform.LINUX_AMD64)) {
            List<Item> top = Layers.read(image, image.layers().get(1));
            List<Item> base = Layers.read(image, image.layers().get(0));
            assertThat(Layers.read(image, image.layers().get(1))).isEqualTo(top);
            assertSampleLayers(List.of(base, top));
        }
    }

    @Test
    void headersOnlyReadsStillVerifyAndEnd() throws Exception {
        Path file = tmp.resolve("image.tar");
        Samples.sample(Compression.GZIP).writeOciArchive(file, Compression.NONE);
        try (Image image = opener.open(new ImageSource.OciArchive(file, Optional.empty()), Platform.LINUX_AMD64)) {
            assertThat(Layers.countEntries(image, image.layers().get(0))).isEqualTo(7);
            assertThat(Layers.countEntries(image, image.layers().get(1))).isEqualTo(5);
        }
    }

    @Test
    void outerEntriesWithPaxLongNamesAreReadInPlace() throws Exception {
        byte[] layer = TarBuilder.tar().file("hello", "world").build();
        String dir = "x".repeat(120) + "/";
        String config = "{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + sha256(layer) + "\"]}}";
        String manifest = "[{\"Config\":\"" + dir + "config.json\",\"RepoTags\":null,\"Layers\":[\"./" + dir
                + "layer.tar\"]}]";
        Path file = Files.write(tmp.resolve("long.tar"), TarBuilder.tar()
                .file(dir + "layer.tar", layer)
                .file(dir + "config.json", config)
                .file("./manifest.json", manifest)
                .build());
        try (Image image = opener.open(new ImageSource.ArchiveFile(file, Optional.empty()), Platform.LINUX_AMD64)) {
            assertThat(image.summary().repoTags()).isEmpty();
            assertThat(image.summary().configDigest()).contains(sha256(config.getBytes(StandardCharsets.UTF_8)));
            assertThat(Layers.read(image, image.layers().get(0))).singleElement()
                    .satisfies(i -> assertThat(i.content()).isEqualTo("world"));
        }
    }

    static void assertSampleConfig(ImageConfig c) {
        assertThat(c.user()).contains("app");
        assertThat(c.env()).containsExactly("A=1", "PATH=/usr/bin:/bin");
        assertThat(c.entrypoint()).containsExactly("/app/run.sh");
        assertThat(c.cmd()).containsExactly("--serve");
        assertThat(c.workingDir()).contains("/app");
        assertThat(c.exposedPorts()).containsExactly("8080/tcp");
        assertThat(c.volumes()).containsExactly("/data");
        assertThat(c.labels()).isEqualTo(Map.of("org.opencontainers.image.title", "sample"));
        assertThat(c.stopSignal()).contains("SIGTERM");
        assertThat(c.created()).contains("2024-01-01T00:00:00Z");
        assertThat(c.healthcheck()).hasValueSatisfying(h -> {
            assertThat(h.test()).containsExactly("CMD-SHELL", "curl -f http://localhost/");
            assertThat(h.interval()).contains(Duration.ofSeconds(30));
            assertThat(h.timeout()).contains(Duration.ofSeconds(5));
            assertThat(h.startPeriod()).contains(Duration.ofSeconds(10));
            assertThat(h.retries()).contains(3);
        });
        assertThat(c.history()).hasSize(3);
        assertThat(c.history().get(1).emptyLayer()).isTrue();
        assertThat(c.history().get(1).createdBy()).contains("ENV A=1");
        assertThat(c.diffIds()).hasSize(2);
    }

    static void assertSampleLayers(List<List<Item>> layers) {
        assertThat(layers).hasSize(2);
        Map<String, Item> base = byName(layers.get(0));
        assertThat(layers.get(0)).extracting(i -> i.entry().name()).containsExactly("etc/", "etc/os-release",
                "bin/sh", "bin/bash", "bin/dash", Samples.LONG_NAME, "usr/bin/su");
        assertThat(base.get("etc/").entry().type()).isEqualTo(FileType.DIRECTORY);
        assertThat(base.get("etc/os-release").content()).isEqualTo("ID=debian\nVERSION_ID=12\n");
        assertThat(base.get("etc/os-release").entry().size()).isEqualTo(24);
        assertThat(base.get("bin/sh").entry().mode()).isEqualTo(0755);
        assertThat(base.get("bin/bash").entry()).satisfies(e -> {
            assertThat(e.type()).isEqualTo(FileType.SYMLINK);
            assertThat(e.linkName()).contains("sh");
            assertThat(e.size()).isZero();
        });
        assertThat(base.get("bin/dash").entry()).satisfies(e -> {
            assertThat(e.type()).isEqualTo(FileType.HARDLINK);
            assertThat(e.linkName()).contains("bin/sh");
        });
        assertThat(base.get(Samples.LONG_NAME).content()).isEqualTo("pax name");
        assertThat(base.get("usr/bin/su").entry().mode()).isEqualTo(04755);

        Map<String, Item> top = byName(layers.get(1));
        assertThat(top.keySet()).containsExactly("app/", "app/run.sh", "etc/.wh.os-release", "app/pipe", "dev/null");
        RawEntry run = top.get("app/run.sh").entry();
        assertThat(run.mode()).isEqualTo(0750);
        assertThat(run.uid()).isEqualTo(1000);
        assertThat(run.gid()).isEqualTo(1001);
        assertThat(top.get("app/run.sh").content()).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(top.get("app/pipe").entry().type()).isEqualTo(FileType.FIFO);
        assertThat(top.get("dev/null").entry().type()).isEqualTo(FileType.CHAR_DEVICE);
    }

    private static Map<String, Item> byName(List<Item> items) {
        Map<String, Item> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(i.entry().name(), i));
        return out;
    }

    static Digest sha256(byte[] bytes) {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
