package dev.plimsoll.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.image.Layers.Item;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.ImageBuilder.Compression;
import dev.plimsoll.testkit.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uncompressed layers that lie in place (an uncompressed docker-archive or oci-archive, an OCI layout directory)
 * are read by seeking; the same image in a compressed archive is streamed. Both must give the same layers.
 */
class InPlaceLayersTest {
    @TempDir
    Path tmp;

    private final ImageOpener opener = new ImageOpener();

    enum Kind { DOCKER, DOCKER_25, OCI_DIR, OCI_ARCHIVE }

    private ImageSource write(ImageBuilder b, Kind kind, Compression outer) {
        Path p = tmp.resolve(kind + "-" + outer);
        return switch (kind) {
            case DOCKER -> {
                b.writeDockerArchive(p, outer);
                yield new ImageSource.DockerArchive(p, Optional.empty());
            }
            case DOCKER_25 -> {
                b.writeDockerArchiveOciLayout(p, outer);
                yield new ImageSource.DockerArchive(p, Optional.empty());
            }
            case OCI_DIR -> {
                b.writeOciLayout(p);
                yield new ImageSource.OciLayout(p, Optional.empty());
            }
            case OCI_ARCHIVE -> {
                b.writeOciArchive(p, outer);
                yield new ImageSource.OciArchive(p, Optional.empty());
            }
        };
    }

    private static byte[] busyLayer() {
        byte[] noise = new byte[300_000];
        new Random(5).nextBytes(noise);
        TarBuilder tar = TarBuilder.tar().dir("opt/app").file("opt/app/noise", noise)
                .hardlink("opt/app/noise-again", "opt/app/noise")
                .file("opt/" + "deep/".repeat(30) + "leaf", "pax long name")
                .symlink("opt/" + "s".repeat(120), "opt/" + "t".repeat(120));
        for (int i = 0; i < 300; i++) {
            tar.file("opt/app/files/f" + i, ("line " + i + "\n").repeat(i));
        }
        return tar.build();
    }

    private static ImageBuilder image() {
        return Samples.sample(Compression.NONE).layer(busyLayer(), Compression.NONE, "COPY busy /");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void layersReadInPlaceEqualTheStreamedOnes(Kind kind) throws IOException {
        ImageBuilder b = image();
        List<List<Item>> inPlace;
        try (Image image = opener.open(write(b, kind, Compression.NONE), Platform.LINUX_AMD64)) {
            inPlace = Layers.readAll(image);
        }
        // a gzip outer archive cannot be read in place: its layers are streamed
        Kind streamedKind = kind == Kind.OCI_DIR ? Kind.OCI_ARCHIVE : kind;
        try (Image image = opener.open(write(b, streamedKind, Compression.GZIP), Platform.LINUX_AMD64)) {
            assertThat(inPlace).isEqualTo(Layers.readAll(image));
        }
        SourceKindsTest.assertSampleLayers(inPlace.subList(0, 2));
        assertThat(inPlace.get(2)).hasSize(305);
    }

    @Test
    void headersOnlyThenSomeContentEqualsTheStreamedReading() throws IOException {
        ImageBuilder b = image();
        try (Image inPlace = opener.open(write(b, Kind.DOCKER, Compression.NONE), Platform.LINUX_AMD64);
             Image streamed = opener.open(write(b, Kind.DOCKER, Compression.ZSTD), Platform.LINUX_AMD64)) {
            LayerRef layer = inPlace.layers().get(2);
            assertThat(Layers.countEntries(inPlace, layer)).isEqualTo(305);
            assertThat(someContent(inPlace, layer)).isEqualTo(someContent(streamed, streamed.layers().get(2)))
                    .contains("opt/app/files/f292=" + "line 292\n".repeat(292));
        }
    }

    /** The content of every tenth entry. */
    private static List<String> someContent(Image image, LayerRef layer) throws IOException {
        List<String> out = new ArrayList<>();
        try (LayerReader r = image.openLayer(layer)) {
            int i = 0;
            for (RawEntry e = r.next(); e != null; e = r.next(), i++) {
                if (i % 10 == 7) {
                    out.add(e.name() + "=" + new String(r.content().readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Test
    void aTamperedLayerReadInPlaceFailsAtItsEnd() throws IOException {
        byte[] original = busyLayer();
        byte[] evil = original.clone();
        // a byte of content no header covers: only the digest can tell
        evil[20_000] ^= 0x55;
        for (Kind kind : List.of(Kind.OCI_DIR, Kind.DOCKER)) {
            ImageSource source = write(ImageBuilder.image().layer(original).tamperLayer(0, evil), kind,
                    Compression.NONE);
            try (Image image = opener.open(source, Platform.LINUX_AMD64)) {
                LayerRef layer = image.layers().get(0);
                ImageException e = catchThrowableOfType(ImageException.class,
                        () -> Layers.countEntries(image, layer));
                assertThat(e.getMessage()).contains("does not match its digest: got " + SourceKindsTest.sha256(evil));
                assertThat(e.layer()).contains(layer.id());
            }
        }
    }

    @Test
    void aTruncatedLayerReadInPlaceNamesTheEntry() throws IOException {
        ImageSource source = write(ImageBuilder.image().layer(busyLayer()).truncateLayer(0, 100_000), Kind.DOCKER,
                Compression.NONE);
        try (Image image = opener.open(source, Platform.LINUX_AMD64)) {
            ImageException e = catchThrowableOfType(ImageException.class,
                    () -> Layers.countEntries(image, image.layers().get(0)));
            assertThat(e.entry()).contains("opt/app/noise");
            assertThat(e.getMessage()).contains("truncated or corrupt");
        }
    }

    @Test
    void theEntriesOfALayerAreBounded() throws IOException {
        ImageOpener bounded = new ImageOpener(ImageLimits.DEFAULTS.withMaxLayerEntries(100));
        for (Compression outer : List.of(Compression.NONE, Compression.GZIP)) {
            try (Image image = bounded.open(write(image(), Kind.DOCKER, outer), Platform.LINUX_AMD64)) {
                assertThat(Layers.countEntries(image, image.layers().get(0))).isEqualTo(7);
                assertThatThrownBy(() -> Layers.countEntries(image, image.layers().get(2)))
                        .isInstanceOf(ImageException.class)
                        .hasMessageContaining("entry opt/app/files/f95: more than 100 entries in one layer");
            }
        }
    }

    @Test
    void anArchiveThatChangesWhileALayerIsReadFailsTheLayer() throws IOException {
        ImageSource source = write(image(), Kind.DOCKER, Compression.NONE);
        Path file = ((ImageSource.DockerArchive) source).path();
        try (Image image = opener.open(source, Platform.LINUX_AMD64);
             LayerReader r = image.openLayer(image.layers().get(2))) {
            r.next();
            Files.write(file, new byte[1024], StandardOpenOption.APPEND);
            assertThatThrownBy(() -> {
                while (r.next() != null) {
                    // to the end, where the archive is looked at again
                }
            }).isInstanceOf(ImageException.class).hasMessageContaining("the archive changed while it was read");
        }
    }
}
