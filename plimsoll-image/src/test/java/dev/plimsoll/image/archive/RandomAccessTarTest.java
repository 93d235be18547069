package dev.plimsoll.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.testkit.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outer archive's index is bounded before commons-compress builds it in memory. */
class RandomAccessTarTest {
    @TempDir
    Path dir;

    private Path archive(int entries) throws IOException {
        TarBuilder tar = TarBuilder.tar();
        for (int i = 0; i < entries; i++) {
            tar.file("e" + i, new byte[0]);
        }
        return Files.write(dir.resolve("a.tar"), tar.build());
    }

    @Test
    void anArchiveWithTooManyEntriesIsRefusedBeforeIndexing() throws IOException {
        Path file = archive(101);
        assertThatThrownBy(() -> RandomAccessTar.open(file, 100))
                .isInstanceOf(IOException.class).hasMessageContaining("more than 100 entries in the archive");
    }

    @Test
    void anArchiveWithinTheBoundIsIndexed() throws IOException {
        Path file = archive(100);
        try (RandomAccessTar tar = RandomAccessTar.open(file, 100)) {
            assertThat(tar.names()).hasSize(100).contains("e0", "e99");
        }
    }
}
