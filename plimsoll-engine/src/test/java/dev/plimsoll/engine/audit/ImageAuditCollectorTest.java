package dev.plimsoll.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.image.ImageAuditFacts;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAuditCollectorTest {
    @TempDir
    Path dir;

    @Test
    void aRootFilesystemGivesItsSetuidFiles() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("rootfs/usr/bin"));
        Files.writeString(bin.resolve("passwd"), "ELF");
        Files.setAttribute(bin.resolve("passwd"), "unix:mode", 04755);
        Files.writeString(bin.resolve("ls"), "ELF");
        Files.setAttribute(bin.resolve("ls"), "unix:mode", 0755);

        Loaded<ImageAuditFacts> loaded = ImageAuditCollector.standard()
                .collect(new ImageSource.RootfsDir(dir.resolve("rootfs")), Platform.LINUX_AMD64);

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items().get(0).setuidFiles()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/usr/bin/passwd");
            assertThat(f.mode()).isEqualTo(04755);
        });
    }

    @Test
    void anUnreadableImageIsAProblemNamingIt() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.tar"), "not a tar");

        Loaded<ImageAuditFacts> loaded = ImageAuditCollector.standard()
                .collect(ImageSource.parse(junk.toString()), Platform.LINUX_AMD64);

        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(junk.toString());
            assertThat(p.reason()).isNotBlank();
        });
    }
}
