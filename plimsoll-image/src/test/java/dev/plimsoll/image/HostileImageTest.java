package dev.plimsoll.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.ImageBuilder.Compression;
import dev.plimsoll.testkit.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HostileImageTest {
    @TempDir
    Path tmp;

    private final ImageOpener opener = new ImageOpener();

    private ImageSource.OciLayout layout(ImageBuilder image) {
        Path dir = tmp.resolve("layout");
        image.writeOciLayout(dir);
        return new ImageSource.OciLayout(dir, Optional.empty());
    }

    private ImageSource.DockerArchive dockerArchive(ImageBuilder image) {
        Path file = tmp.resolve("image.tar");
        image.writeDockerArchive(file, Compression.NONE);
        return new ImageSource.DockerArchive(file, Optional.empty());
    }

    private Image open(ImageSource source) {
        return opener.open(source, Platform.LINUX_AMD64);
    }

    /** Opens the image and reads every layer to its end, where digests are checked. */
    private void openAndReadAll(ImageSource source) throws IOException {
        try (Image image = open(source)) {
            for (LayerRef l : image.layers()) {
                Layers.read(image, l);
            }
        }
    }

    private static byte[] bigRandomLayer() {
        byte[] noise = new byte[256 * 1024];
        new Random(7).nextBytes(noise);
        return TarBuilder.tar().file("a/first", "first").file("a/noise.bin", noise).file("a/last", "last").build();
    }

    private static String manifestHex(Path layout) throws IOException {
        String index = Files.readString(layout.resolve("index.json"));
        int at = index.indexOf("sha256:") + 7;
        return index.substring(at, at + 64);
    }

    @Nested
    class Digests {
        @Test
        void aTamperedOciLayerBlobIsNamedWhenItsEndIsReached() throws IOException {
            byte[] original = TarBuilder.tar().file("etc/passwd", "root:x:0:0").build();
            byte[] evil = TarBuilder.tar().file("etc/passwd", "root::0:0:").build();
            ImageSource source = layout(ImageBuilder.image().layer(original, Compression.GZIP).tamperLayer(0, evil));
            try (Image image = open(source)) {
                LayerRef layer = image.layers().get(0);
                ImageException e = catchThrowableOfType(ImageException.class, () -> Layers.read(image, layer));
                assertThat(e.getMessage()).contains("blob " + layer.digest().orElseThrow())
                        .contains("does not match its digest: got sha256:");
                assertThat(e.layer()).contains(layer.id());
            }
        }

        @Test
        void aFailedLayerKeepsFailingInsteadOfClaimingAVerifiedEnd() throws IOException {
            byte[] original = TarBuilder.tar().file("etc/passwd", "root:x:0:0").build();
            ImageSource source = layout(ImageBuilder.image().layer(original)
                    .tamperLayer(0, TarBuilder.tar().file("etc/passwd", "root::0:0:").build()));
            try (Image image = open(source); LayerReader reader = image.openLayer(image.layers().get(0))) {
                assertThat(reader.next().name()).isEqualTo("etc/passwd");
                assertThatThrownBy(reader::next).isInstanceOf(ImageException.class);
                assertThatThrownBy(reader::next).isInstanceOf(ImageException.class)
                        .hasMessageContaining("does not match its digest");
            }
        }

        @Test
        void aTamperedDockerArchiveLayerFailsItsDiffId() throws IOException {
            byte[] original = TarBuilder.tar().file("etc/passwd", "root:x:0:0").build();
            byte[] evil = TarBuilder.tar().file("etc/passwd", "root::0:0:").build();
            ImageSource source = dockerArchive(ImageBuilder.image().layer(original).tamperLayer(0, evil));
            assertThatThrownBy(() -> openAndReadAll(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("diff id " + SourceKindsTest.sha256(original))
                    .hasMessageContaining("does not match its digest");
        }

        @Test
        void aTamperedGzipLayerInAClassicDockerArchiveFailsItsDiffIdOverTheTar() throws Exception {
            byte[] original = TarBuilder.tar().file("x", "1").build();
            byte[] evil = TarBuilder.tar().file("x", "2").build();
            ImageSource source = dockerArchive(ImageBuilder.image().layer(original, Compression.GZIP)
                    .tamperLayer(0, evil));
            assertThatThrownBy(() -> openAndReadAll(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("layer tar (diff id " + SourceKindsTest.sha256(original));
        }

        @Test
        void aLayerReadHeadersOnlyIsStillVerified() throws IOException {
            ImageSource source = layout(ImageBuilder.image().layer(bigRandomLayer(), Compression.ZSTD)
                    .tamperLayer(0, TarBuilder.tar().file("a/first", "first").build()));
            try (Image image = open(source)) {
                assertThatThrownBy(() -> Layers.countEntries(image, image.layers().get(0)))
                        .isInstanceOf(ImageException.class)
                        .hasMessageContaining("does not match its digest");
            }
        }

        @Test
        void aConfigThatDoesNotMatchItsDigestIsRefused() throws IOException {
            ImageSource.OciLayout source = layout(Samples.sample(Compression.GZIP));
            Path dir = source.path();
            String manifest = Files.readString(dir.resolve("blobs/sha256/" + manifestHex(dir)));
            int at = manifest.indexOf("sha256:") + 7;
            Path config = dir.resolve("blobs/sha256/" + manifest.substring(at, at + 64));
            Files.writeString(config, Files.readString(config).replace("\"User\":\"app\"", "\"User\":\"abc\""));
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("blob sha256:" + manifest.substring(at, at + 64))
                    .hasMessageContaining("does not match its digest");
        }

        @Test
        void aBlobOfTheWrongSizeIsRefusedBeforeItIsRead() throws IOException {
            ImageSource.OciLayout source = layout(Samples.sample(Compression.GZIP));
            Path manifest = source.path().resolve("blobs/sha256/" + manifestHex(source.path()));
            Files.writeString(manifest, Files.readString(manifest) + " ");
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("manifest blob sha256:")
                    .hasMessageContaining("but its descriptor says");
        }
    }

    @Nested
    class MissingBlobs {
        @Test
        void aMissingOciLayerBlobIsNamedAtOpen() {
            ImageBuilder image = Samples.sample(Compression.GZIP).missingLayerBlob(1);
            ImageSource source = layout(image);
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageMatching("(?s).*layer blob sha256:[0-9a-f]{64} is missing from .*");
        }

        @Test
        void aMissingDockerArchiveLayerIsNamed() {
            ImageSource source = dockerArchive(Samples.sample(Compression.NONE).missingLayerBlob(0));
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageMatching("(?s).*layer [0-9a-f]{64}/layer.tar listed in manifest.json is missing.*");
        }
    }

    @Nested
    class Truncation {
        @ParameterizedTest
        @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
        void aTruncatedCompressedLayerNamesTheLayerAndTheLastEntry(Compression compression) throws IOException {
            byte[] full = compression.apply(bigRandomLayer());
            ImageSource source = layout(ImageBuilder.image().layer(bigRandomLayer(), compression)
                    .truncateLayer(0, full.length / 2));
            try (Image image = open(source)) {
                LayerRef layer = image.layers().get(0);
                ImageException e = catchThrowableOfType(ImageException.class, () -> Layers.read(image, layer));
                assertThat(e.getMessage()).contains("layer " + layer.id())
                        .contains("truncated or corrupt")
                        .contains("last entry read: a/noise.bin");
                assertThat(e.layer()).contains(layer.id());
            }
        }

        @ParameterizedTest
        @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
        void aTruncatedLayerFailsAlsoWhenContentIsSkipped(Compression compression) throws IOException {
            byte[] full = compression.apply(bigRandomLayer());
            ImageSource source = dockerArchive(ImageBuilder.image().layer(bigRandomLayer(), compression)
                    .truncateLayer(0, full.length / 2));
            try (Image image = open(source)) {
                assertThatThrownBy(() -> Layers.countEntries(image, image.layers().get(0)))
                        .isInstanceOf(ImageException.class)
                        .hasMessageContaining("truncated or corrupt");
            }
        }

        @Test
        void aTruncatedUncompressedLayerIsCaught() throws IOException {
            ImageSource source = layout(ImageBuilder.image().layer(bigRandomLayer()).truncateLayer(0, 100_000));
            try (Image image = open(source)) {
                assertThatThrownBy(() -> Layers.read(image, image.layers().get(0)))
                        .isInstanceOf(ImageException.class)
                        .hasMessageContaining("truncated or corrupt");
            }
        }

        @Test
        void aTruncatedGzipHeaderFailsAtOpen() throws IOException {
            ImageSource source = layout(ImageBuilder.image().layer(bigRandomLayer(), Compression.GZIP)
                    .truncateLayer(0, 5));
            try (Image image = open(source)) {
                assertThatThrownBy(() -> image.openLayer(image.layers().get(0)))
                        .isInstanceOf(ImageException.class)
                        .hasMessageContaining("truncated or corrupt");
            }
        }

        @Test
        void aTruncatedOuterArchiveIsRefusedAtOpen() throws IOException {
            Path file = tmp.resolve("cut.tar");
            ImageBuilder.image().layer(bigRandomLayer()).writeOciArchive(file, Compression.NONE);
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> open(new ImageSource.ArchiveFile(file, Optional.empty())))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("cannot read the archive");
        }

        @Test
        void aTruncatedCompressedOuterArchiveIsRefusedAtOpen() throws IOException {
            Path file = tmp.resolve("cut.tar.gz");
            ImageBuilder.image().layer(bigRandomLayer()).writeDockerArchive(file, Compression.GZIP);
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> open(new ImageSource.ArchiveFile(file, Optional.empty())))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("cannot read the archive");
        }
    }

    @Nested
    class Limits {
        @Test
        void aLayerThatDecompressesPastTheLimitIsStopped() throws IOException {
            byte[] zeros = TarBuilder.tar().file("zeros", new byte[1 << 20]).build();
            ImageSource source = layout(ImageBuilder.image().layer(zeros, Compression.GZIP));
            ImageOpener small = new ImageOpener(ImageLimits.DEFAULTS.withMaxLayerBytes(64 * 1024));
            try (Image image = small.open(source, Platform.LINUX_AMD64)) {
                LayerRef layer = image.layers().get(0);
                ImageException e = catchThrowableOfType(ImageException.class, () -> Layers.read(image, layer));
                assertThat(e.getMessage()).contains("layer " + layer.id())
                        .contains("decompressed layer exceeds the limit of 65536 bytes");
            }
        }

        @Test
        void indexesThatFanOutAreStopped() throws IOException {
            ImageSource.OciLayout source = layout(Samples.sample(Compression.NONE));
            Path dir = source.path();
            String manifest = Files.readString(dir.resolve("index.json"));
            String manifestDescriptor = manifest.substring(manifest.indexOf('[') + 1, manifest.lastIndexOf(']'));
            String nested = "{\"schemaVersion\":2,\"manifests\":["
                    + String.join(",", Collections.nCopies(200, manifestDescriptor)) + "]}";
            Digest d = SourceKindsTest.sha256(nested.getBytes(StandardCharsets.UTF_8));
            Files.writeString(dir.resolve("blobs/sha256/" + d.hex()), nested);
            String nestedDescriptor = "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"digest\":\""
                    + d + "\",\"size\":" + nested.length() + "}";
            Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":["
                    + String.join(",", Collections.nCopies(200, nestedDescriptor)) + "]}");
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("list more than 10000 manifests");
        }

        @Test
        void aJsonDocumentPastTheLimitIsRefused() {
            ImageSource source = layout(Samples.sample(Compression.GZIP));
            ImageOpener small = new ImageOpener(ImageLimits.DEFAULTS.withMaxDocumentBytes(400));
            assertThatThrownBy(() -> small.open(source, Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("more than the limit of 400 bytes for JSON documents");
        }

        @Test
        void aCompressedOuterArchivePastTheLimitIsRefused() {
            Path file = tmp.resolve("big.tar.gz");
            ImageBuilder.image().layer(bigRandomLayer()).writeDockerArchive(file, Compression.GZIP);
            ImageOpener small = new ImageOpener(ImageLimits.DEFAULTS.withMaxArchiveBytes(100_000));
            assertThatThrownBy(() -> small.open(new ImageSource.ArchiveFile(file, Optional.empty()),
                    Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("decompressed archive exceeds the limit of 100000 bytes");
        }
    }

    @Nested
    class Documents {
        @Test
        void malformedConfigJsonNamesTheDocumentLineAndColumn() {
            String broken = "{\"os\": \"linux\",\n  \"architecture\": ,\n}";
            ImageSource source = layout(ImageBuilder.image().rawConfig(broken));
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageMatching("(?s).*malformed JSON in config sha256:[0-9a-f]{64} at line 2, column 19.*");
        }

        @Test
        void malformedConfigInADockerArchiveNamesTheFile() {
            ImageSource source = dockerArchive(ImageBuilder.image().rawConfig("{\"os\": [}"));
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageMatching("(?s).*malformed JSON in config [0-9a-f]{64}\\.json at line 1.*");
        }

        @Test
        void malformedIndexJsonIsNamed() throws IOException {
            ImageSource.OciLayout source = layout(Samples.sample(Compression.NONE));
            Files.writeString(source.path().resolve("index.json"), "{\"schemaVersion\": 2, \"manifests\": [");
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("malformed JSON in index.json");
        }

        @Test
        void duplicateKeysAreRefused() {
            ImageSource source = layout(ImageBuilder.image()
                    .rawConfig("{\"os\":\"linux\",\"architecture\":\"amd64\",\"os\":\"windows\"}"));
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Duplicate field 'os'");
        }

        @Test
        void trailingContentIsRefused() {
            ImageSource source = layout(ImageBuilder.image().rawConfig("{\"os\":\"linux\"} {}"));
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("trailing content after the document");
        }

        @Test
        void aFieldOfTheWrongTypeIsNamed() {
            ImageSource source = layout(ImageBuilder.image()
                    .rawConfig("{\"os\":\"linux\",\"architecture\":\"amd64\",\"config\":{\"Env\":\"A=1\"}}"));
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageMatching("(?s).*config sha256:[0-9a-f]{64}: config.Env must be an array, found a string.*");
        }

        @Test
        void missingFieldsAreEmpty() throws IOException {
            try (Image image = open(dockerArchive(ImageBuilder.image().rawConfig("{}")))) {
                assertThat(image.config().user()).isEmpty();
                assertThat(image.config().env()).isEmpty();
                assertThat(image.config().healthcheck()).isEmpty();
                assertThat(image.summary().platform().toString()).isEqualTo("unknown/unknown");
            }
        }

        @Test
        void aConfigWithoutPlatformTakesTheIndexDescriptorsPlatform() throws IOException {
            try (Image image = open(layout(ImageBuilder.image().platform("linux/arm64/v8").rawConfig("{}")))) {
                assertThat(image.summary().platform()).isEqualTo(Platform.parse("linux/arm64/v8"));
            }
        }

        @Test
        void moreLayersThanDiffIdsIsRefused() {
            ImageSource source = layout(ImageBuilder.image().layer(TarBuilder.tar().file("a", "b").build())
                    .rawConfig("{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{\"diff_ids\":[]}}"));
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("lists 1 layers but config sha256:")
                    .hasMessageContaining("has 0 rootfs.diff_ids");
        }

        @Test
        void dockerSchema1IsRejectedClearly() throws IOException {
            Path dir = tmp.resolve("schema1");
            Files.createDirectories(dir.resolve("blobs/sha256"));
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            byte[] manifest = "{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"1\",\"fsLayers\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
            Digest d = SourceKindsTest.sha256(manifest);
            Files.write(dir.resolve("blobs/sha256/" + d.hex()), manifest);
            for (String type : new String[] {"\"mediaType\":\"application/vnd.docker.distribution.manifest.v1+prettyjws\",",
                    "\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",", ""}) {
                Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{" + type
                        + "\"digest\":\"" + d + "\",\"size\":" + manifest.length + "}]}");
                assertThatThrownBy(() -> open(new ImageSource.OciLayout(dir, Optional.empty())))
                        .isInstanceOf(ImageException.class)
                        .hasMessageContaining("is a Docker schema 1 manifest, which is deprecated and not supported");
            }
        }

        @Test
        void aManifestThatIsNotAContainerImageIsRefused() throws IOException {
            ImageSource.OciLayout source = layout(Samples.sample(Compression.NONE));
            Path manifest = source.path().resolve("blobs/sha256/" + manifestHex(source.path()));
            String text = Files.readString(manifest).replace("application/vnd.oci.image.config.v1+json",
                    "application/vnd.cncf.helm.config.v1+json");
            Digest d = SourceKindsTest.sha256(text.getBytes(StandardCharsets.UTF_8));
            Files.writeString(source.path().resolve("blobs/sha256/" + d.hex()), text);
            Files.writeString(source.path().resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{"
                    + "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + d
                    + "\",\"size\":" + text.length() + "}]}");
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("is not a container image")
                    .hasMessageContaining("helm");
        }
    }

    @Nested
    class Paths {
        @Test
        void aTraversalDigestInIndexJsonIsRefusedByDigestParsing() throws IOException {
            ImageSource.OciLayout source = layout(Samples.sample(Compression.NONE));
            Files.writeString(source.path().resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{"
                    + "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"digest\":\"sha256:../../etc/passwd\",\"size\":10}]}");
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("index.json: manifests[0].digest is not a valid digest");
        }

        @Test
        void aTraversalDigestInAManifestIsRefused() throws IOException {
            ImageSource.OciLayout source = layout(Samples.sample(Compression.NONE));
            String manifest = "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                    + "\"digest\":\"sha256:" + "0".repeat(64) + "\",\"size\":2},\"layers\":[{\"mediaType\":"
                    + "\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"../../../../etc:shadow\",\"size\":1}]}";
            Digest d = SourceKindsTest.sha256(manifest.getBytes(StandardCharsets.UTF_8));
            Files.writeString(source.path().resolve("blobs/sha256/" + d.hex()), manifest);
            Files.writeString(source.path().resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{"
                    + "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + d
                    + "\",\"size\":" + manifest.length() + "}]}");
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("layers[0].digest is not a valid digest");
        }

        @Test
        void aBlobSymlinkedOutOfTheLayoutIsRefused() throws IOException {
            byte[] layer = TarBuilder.tar().file("a", "b").build();
            ImageSource.OciLayout source = layout(ImageBuilder.image().layer(layer));
            Path outside = Files.write(tmp.resolve("outside"), layer);
            Path blob = source.path().resolve("blobs/sha256/" + SourceKindsTest.sha256(layer).hex());
            Files.delete(blob);
            Files.createSymbolicLink(blob, outside);
            assertThatThrownBy(() -> open(source))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("outside the layout");
        }
    }

    @Nested
    class Usage {
        @Test
        void aMissingPathIsAUsageErrorNamingIt() {
            Path nowhere = tmp.resolve("nowhere.tar");
            for (ImageSource s : Stream.of(new ImageSource.DockerArchive(nowhere, Optional.empty()),
                    new ImageSource.OciArchive(nowhere, Optional.empty()),
                    new ImageSource.ArchiveFile(nowhere, Optional.empty()),
                    new ImageSource.OciLayout(nowhere, Optional.empty()),
                    new ImageSource.RootfsDir(nowhere)).toList()) {
                assertThatThrownBy(() -> open(s)).isInstanceOf(UsageException.class)
                        .hasMessageContaining(nowhere.toString());
            }
        }

        @Test
        void aDirectoryIsNotAnArchive() {
            assertThatThrownBy(() -> open(new ImageSource.DockerArchive(tmp, Optional.empty())))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("is a directory");
        }

        @Test
        void aDirectoryWithoutOciLayoutIsNotALayout() throws IOException {
            Files.writeString(tmp.resolve("index.json"), "{}");
            assertThatThrownBy(() -> open(new ImageSource.OciLayout(tmp, Optional.empty())))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("oci-layout is missing");
        }

        @Test
        void anArchiveOfNeitherKindIsNamedAsSuch() throws IOException {
            Path file = Files.write(tmp.resolve("other.tar"), TarBuilder.tar().file("hello.txt", "hi").build());
            assertThatThrownBy(() -> open(new ImageSource.ArchiveFile(file, Optional.empty())))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("neither a docker-archive");
            assertThatThrownBy(() -> open(new ImageSource.DockerArchive(file, Optional.empty())))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("manifest.json is missing");
            assertThatThrownBy(() -> open(new ImageSource.OciArchive(file, Optional.empty())))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("oci-layout is missing");
        }

        @Test
        void xzAndGarbageAreRefusedClearly() throws IOException {
            Path xz = Files.write(tmp.resolve("image.tar.xz"),
                    HexFormat.of().parseHex("fd377a585a000004e6d6b446"));
            assertThatThrownBy(() -> open(new ImageSource.ArchiveFile(xz, Optional.empty())))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("xz-compressed archives are not supported");
            byte[] noise = new byte[4096];
            new Random(1).nextBytes(noise);
            Path garbage = Files.write(tmp.resolve("garbage"), noise);
            assertThatThrownBy(() -> open(new ImageSource.ArchiveFile(garbage, Optional.empty())))
                    .isInstanceOf(ImageException.class);
            Path empty = Files.write(tmp.resolve("empty"), new byte[0]);
            assertThatThrownBy(() -> open(new ImageSource.ArchiveFile(empty, Optional.empty())))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("the archive is empty");
        }
    }
}
