package dev.plimsoll.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.ImageBuilder.Compression;
import dev.plimsoll.testkit.ImageIndexBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectionTest {
    @TempDir
    Path tmp;

    private final ImageOpener opener = new ImageOpener();

    private String marker(ImageSource source, Platform platform) throws Exception {
        try (Image image = opener.open(source, platform)) {
            return Layers.read(image, image.layers().get(0)).get(0).content();
        }
    }

    private ImageSource.OciLayout layout(ImageIndexBuilder index, String ref) {
        Path dir = tmp.resolve("layout");
        index.writeOciLayout(dir);
        return new ImageSource.OciLayout(dir, Optional.ofNullable(ref));
    }

    private static ImageIndexBuilder multiPlatform() {
        return ImageIndexBuilder.index().withAttestations().addIndex("latest",
                Samples.small("linux/amd64", "amd64"),
                Samples.small("linux/arm64", "arm64"),
                Samples.small("linux/arm/v6", "armv6"),
                Samples.small("linux/arm/v7", "armv7"));
    }

    @Nested
    class Platforms {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "linux/amd64, amd64",
                "linux/arm64, arm64",
                "linux/arm64/v8, arm64",
                "linux/arm/v7, armv7",
                "linux/arm/v6, armv6",
                "linux/arm, armv6"})
        void picksTheRequestedPlatformVariantAware(String wanted, String expected) throws Exception {
            ImageSource source = layout(multiPlatform(), null);
            assertThat(marker(source, Platform.parse(wanted))).isEqualTo(expected);
            try (Image image = opener.open(source, Platform.parse(wanted))) {
                assertThat(Platform.parse(wanted).matches(image.summary().platform())).isTrue();
                assertThat(image.summary().repoTags()).containsExactly("latest");
                assertThat(image.summary().manifestDigest()).isPresent();
            }
        }

        @Test
        void noMatchingPlatformListsThePlatformsPresent() {
            ImageSource source = layout(multiPlatform(), null);
            assertThatThrownBy(() -> opener.open(source, Platform.parse("linux/s390x")))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("no image for platform linux/s390x")
                    .hasMessageContaining("linux/amd64, linux/arm64, linux/arm/v6, linux/arm/v7")
                    .hasMessageNotContaining("unknown");
        }

        @Test
        void descriptorsWithoutPlatformAreMatchedByTheirConfig() throws Exception {
            ImageSource source = layout(multiPlatform().withoutPlatforms(), null);
            assertThat(marker(source, Platform.parse("linux/arm/v7"))).isEqualTo("armv7");
        }

        @Test
        void topLevelPlatformManifestsInAnOciArchive() throws Exception {
            Path file = tmp.resolve("multi.tar.gz");
            ImageIndexBuilder.index().add(Samples.small("linux/amd64", "amd64"))
                    .add(Samples.small("linux/arm64/v8", "arm64")).writeOciArchive(file, Compression.GZIP);
            ImageSource source = new ImageSource.ArchiveFile(file, Optional.empty());
            assertThat(marker(source, Platform.parse("linux/arm64"))).isEqualTo("arm64");
            assertThat(marker(source, Platform.LINUX_AMD64)).isEqualTo("amd64");
        }

        @Test
        void aSingleImageIsOpenedWhateverItsPlatformAndSaysWhichItIs() throws Exception {
            Path file = tmp.resolve("arm.tar");
            Samples.small("linux/arm64", "arm64").writeDockerArchive(file, Compression.NONE);
            try (Image image = opener.open(new ImageSource.DockerArchive(file, Optional.empty()),
                    Platform.LINUX_AMD64)) {
                assertThat(image.summary().platform()).isEqualTo(Platform.parse("linux/arm64"));
            }
        }

        @Test
        void indexesNestedTooDeeplyAreRefused() {
            ImageSource source = layout(multiPlatform(), null);
            ImageOpener strict = new ImageOpener(ImageLimits.DEFAULTS.withMaxIndexDepth(0));
            assertThatThrownBy(() -> strict.open(source, Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("image indexes nest deeper than 0 levels");
        }
    }

    @Nested
    class OciReferences {
        private ImageIndexBuilder twoImages() {
            return ImageIndexBuilder.index()
                    .add(Samples.small("linux/amd64", "web").tag("registry.example.com/web:1.2"))
                    .add(Samples.small("linux/amd64", "db").tag("db"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "registry.example.com/web:1.2, web",
                "1.2, web",
                "db, db"})
        void aReferenceSelectsByRefNameOrItsTag(String ref, String expected) throws Exception {
            assertThat(marker(layout(twoImages(), ref), Platform.LINUX_AMD64)).isEqualTo(expected);
        }

        @Test
        void severalNamedImagesWithoutAReferenceIsAnErrorListingThem() {
            ImageSource source = layout(twoImages(), null);
            assertThatThrownBy(() -> opener.open(source, Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("holds several images (registry.example.com/web:1.2, db)");
        }

        @Test
        void anUnknownReferenceListsTheNamesAvailable() {
            ImageSource source = layout(twoImages(), "cache");
            assertThatThrownBy(() -> opener.open(source, Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("no image named 'cache'")
                    .hasMessageContaining("available: registry.example.com/web:1.2, db");
        }

        @Test
        void aReferenceThenAPlatform() throws Exception {
            ImageIndexBuilder index = ImageIndexBuilder.index()
                    .addIndex("app", Samples.small("linux/amd64", "app-amd64"), Samples.small("linux/arm64", "app-arm"))
                    .add(Samples.small("linux/amd64", "other").tag("other"));
            assertThat(marker(layout(index, "app"), Platform.parse("linux/arm64"))).isEqualTo("app-arm");
        }
    }

    @Nested
    class DockerArchiveReferences {
        private ImageSource archive(String ref) {
            Path file = tmp.resolve("several.tar");
            ImageIndexBuilder.writeDockerArchive(file, Compression.NONE,
                    Samples.small("linux/amd64", "debian").tag("docker.io/library/debian:12").tag("debian:bookworm"),
                    Samples.small("linux/amd64", "alpine").tag("alpine:latest"),
                    Samples.small("linux/amd64", "untagged"));
            return new ImageSource.DockerArchive(file, Optional.ofNullable(ref));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "docker.io/library/debian:12, debian",
                "debian:12, debian",
                "bookworm, debian",
                "alpine, alpine",
                "alpine:latest, alpine",
                "docker.io/library/alpine, alpine",
                "@2, untagged",
                "@0, debian"})
        void aReferenceSelectsByRepoTag(String ref, String expected) throws Exception {
            assertThat(marker(archive(ref), Platform.LINUX_AMD64)).isEqualTo(expected);
        }

        @Test
        void severalImagesWithoutAReferenceIsAnErrorListingThem() {
            assertThatThrownBy(() -> opener.open(archive(null), Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("several images (docker.io/library/debian:12 debian:bookworm, "
                            + "alpine:latest, @2)");
        }

        @Test
        void anUnknownReferenceListsTheImages() {
            assertThatThrownBy(() -> opener.open(archive("ubuntu"), Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("no image named 'ubuntu'")
                    .hasMessageContaining("alpine:latest");
            assertThatThrownBy(() -> opener.open(archive("@7"), Platform.LINUX_AMD64))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("the archive holds 3");
        }

        @Test
        void repoTagsAreReported() throws Exception {
            try (Image image = opener.open(archive("alpine"), Platform.LINUX_AMD64)) {
                assertThat(image.summary().repoTags()).isEqualTo(List.of("alpine:latest"));
                assertThat(image.summary().manifestDigest()).isEmpty();
            }
        }
    }

    @Test
    void untaggedSingleImageNeedsNoReference() throws Exception {
        Path file = tmp.resolve("one.tar");
        ImageBuilder.image().layer(dev.plimsoll.testkit.TarBuilder.tar().file("marker", "x").build())
                .writeDockerArchive(file, Compression.NONE);
        assertThat(marker(new ImageSource.DockerArchive(file, Optional.empty()), Platform.LINUX_AMD64))
                .isEqualTo("x");
    }
}
