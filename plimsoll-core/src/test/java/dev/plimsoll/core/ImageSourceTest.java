package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.image.ImageReference;
import dev.plimsoll.core.image.ImageSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourceTest {
    @TempDir
    Path dir;

    @Test
    void prefixesDecideTheKindAndMaySplitOffAReference() throws Exception {
        Path tar = Files.createFile(dir.resolve("img.tar"));
        assertThat(ImageSource.parse("docker-archive:" + tar))
                .isEqualTo(new ImageSource.DockerArchive(tar, Optional.empty()));
        assertThat(ImageSource.parse("docker-archive:" + tar + ":nginx:1.27"))
                .isEqualTo(new ImageSource.DockerArchive(tar, Optional.of("nginx:1.27")));
        assertThat(ImageSource.parse("oci-archive:" + tar + ":latest"))
                .isEqualTo(new ImageSource.OciArchive(tar, Optional.of("latest")));
        Path layout = Files.createDirectory(dir.resolve("layout"));
        assertThat(ImageSource.parse("oci:" + layout + ":1")).isEqualTo(new ImageSource.OciLayout(layout,
                Optional.of("1")));
        assertThat(ImageSource.parse("dir:" + layout)).isEqualTo(new ImageSource.RootfsDir(layout));
    }

    @Test
    void withoutPrefixTheFileSystemDecides() throws Exception {
        Path layout = Files.createDirectory(dir.resolve("layout"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Path rootfs = Files.createDirectory(dir.resolve("rootfs"));
        Path file = Files.createFile(dir.resolve("x.tar.gz"));
        assertThat(ImageSource.parse(layout.toString())).isInstanceOf(ImageSource.OciLayout.class);
        assertThat(ImageSource.parse(rootfs.toString())).isEqualTo(new ImageSource.RootfsDir(rootfs));
        assertThat(ImageSource.parse(file.toString())).isEqualTo(new ImageSource.ArchiveFile(file, Optional.empty()));
    }

    @Test
    void aPathWithAColonIsNotAReferenceWhenItExists() throws Exception {
        Path odd = Files.createFile(dir.resolve("a:b.tar"));
        assertThat(ImageSource.parse("docker-archive:" + odd))
                .isEqualTo(new ImageSource.DockerArchive(odd, Optional.empty()));
    }

    @Test
    void aReferenceThatIsNoFileIsARegistryImage() throws Exception {
        assertThat(ImageSource.parse("nginx:1.27")).isEqualTo(new ImageSource.RegistryImage(
                ImageReference.parse("docker.io/library/nginx:1.27")));
        ImageSource local = ImageSource.parse("localhost:5000/bench/java-app:1");
        assertThat(local).isInstanceOfSatisfying(ImageSource.RegistryImage.class, r -> {
            assertThat(r.reference().registry()).isEqualTo("localhost:5000");
            assertThat(r.reference().repository()).isEqualTo("bench/java-app");
            assertThat(r.reference().referenceToPull()).isEqualTo("1");
        });
        assertThat(local.displayName()).isEqualTo("localhost:5000/bench/java-app:1");
        assertThat(ImageSource.parse("docker://alpine")).isInstanceOfSatisfying(ImageSource.RegistryImage.class,
                r -> assertThat(r.reference().referenceToPull()).isEqualTo("latest"));
        String digest = "sha256:" + "a".repeat(64);
        assertThat(ImageSource.parse("ghcr.io/o/app:1@" + digest)).isInstanceOfSatisfying(
                ImageSource.RegistryImage.class, r -> assertThat(r.reference().referenceToPull()).isEqualTo(digest));
    }

    @Test
    void pathsThatDoNotExistStayFilesWhenTheyLookLikeFiles() {
        assertThat(ImageSource.parse(dir.resolve("missing.tar").toString())).isInstanceOf(ImageSource.ArchiveFile.class);
        assertThat(ImageSource.parse("missing.tar")).isInstanceOf(ImageSource.ArchiveFile.class);
        assertThat(ImageSource.parse("./missing")).isInstanceOf(ImageSource.ArchiveFile.class);
        assertThat(ImageSource.parse("Not_A_Reference!")).isInstanceOf(ImageSource.ArchiveFile.class);
        assertThatThrownBy(() -> ImageSource.parse("docker://bad//name"))
                .hasMessageContaining("invalid repository name component");
    }

    @Test
    void emptyArgumentsAreRefused() {
        assertThatThrownBy(() -> ImageSource.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSource.parse("oci:")).hasMessageContaining("missing path");
    }
}
