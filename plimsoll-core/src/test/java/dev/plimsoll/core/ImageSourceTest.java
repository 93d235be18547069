package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void emptyArgumentsAreRefused() {
        assertThatThrownBy(() -> ImageSource.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSource.parse("oci:")).hasMessageContaining("missing path");
    }
}
