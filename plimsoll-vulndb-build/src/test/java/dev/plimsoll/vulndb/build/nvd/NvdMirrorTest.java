package dev.plimsoll.vulndb.build.nvd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror's folders on disk: what counts as whole, what a commit replaces, how it is laid out. */
class NvdMirrorTest {
    private static final Instant FULL = Instant.parse("2024-03-30T00:00:00Z");
    private static final Instant DELTA = Instant.parse("2024-04-02T06:30:00.250Z");

    @TempDir
    Path dir;

    private void folder(String name, String file, int bytes) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.write(folder.resolve(file), new byte[bytes]);
    }

    private List<String> names(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aWholeMirrorIsOneFullDownloadThenIncrementsEndingWithTheRecordedSync() throws IOException {
        assertThat(NvdMirror.open(dir).endsWith(FULL)).isFalse();
        folder("20240330T000000.000Z-full", "page-000000000.json", 10);
        assertThat(NvdMirror.open(dir).endsWith(FULL)).isTrue();
        folder("20240402T063000.250Z-delta", "w000-page-000000000.json", 3);
        NvdMirror mirror = NvdMirror.open(dir);
        assertThat(mirror.endsWith(DELTA)).isTrue();
        assertThat(mirror.endsWith(FULL)).isFalse();
        assertThat(mirror.fullBytes()).isEqualTo(10);
        assertThat(mirror.deltaBytes()).isEqualTo(3);

        folder("20240401T000000.000Z-full", "page-000000000.json", 10);   // a second full one in between
        assertThat(NvdMirror.open(dir).endsWith(DELTA)).isFalse();
    }

    @Test
    void incrementsWithoutAFullDownloadAreNotWhole() throws IOException {
        folder("20240402T063000.250Z-delta", "w000-page-000000000.json", 3);
        assertThat(NvdMirror.open(dir).endsWith(DELTA)).isFalse();
    }

    @Test
    void leftoversOfAnInterruptedSyncAreRemovedAndOtherNamesIgnored() throws IOException {
        folder(".20240402T063000.250Z-delta.part", "w000-page-000000000.json", 3);
        folder("notes", "x.json", 1);
        NvdMirror mirror = NvdMirror.open(dir);
        assertThat(names(dir)).containsExactly("notes", "notes/x.json");
        assertThat(mirror.endsWith(DELTA)).isFalse();
    }

    @Test
    void aCommittedFullDownloadReplacesEveryEarlierFolderAnIncrementIsAdded() throws IOException {
        folder("20240330T000000.000Z-full", "page-000000000.json", 10);
        NvdMirror mirror = NvdMirror.open(dir);

        Path delta = mirror.begin(DELTA, false);
        Files.write(delta.resolve("w000-page-000000000.json"), new byte[3]);
        mirror.commit(delta, DELTA, false);
        assertThat(names(dir)).containsExactly("20240330T000000.000Z-full",
                "20240330T000000.000Z-full/page-000000000.json", "20240402T063000.250Z-delta",
                "20240402T063000.250Z-delta/w000-page-000000000.json");
        assertThat(NvdMirror.open(dir).endsWith(DELTA)).isTrue();

        Instant later = DELTA.plus(Duration.ofDays(400));
        Path full = mirror.begin(later, true);
        Files.write(full.resolve("page-000000000.json"), new byte[20]);
        mirror.commit(full, later, true);
        mirror.abandon(full);   // nothing left to remove
        assertThat(names(dir)).containsExactly("20250507T063000.250Z-full",
                "20250507T063000.250Z-full/page-000000000.json");

        Path failed = mirror.begin(later.plus(Duration.ofDays(1)), false);
        Files.write(failed.resolve("w000-page-000000000.json"), new byte[3]);
        mirror.abandon(failed);
        assertThat(names(dir)).hasSize(2);
    }

    @Test
    void theLayoutLinksEveryPageUnderItsFolder(@TempDir Path staging) throws IOException {
        folder("20240330T000000.000Z-full", "page-000000000.json", 10);
        folder("20240402T063000.250Z-delta", "w000-page-000000000.json", 3);
        Path target = staging.resolve("nvd");
        NvdMirror.open(dir).layOut(target);
        assertThat(names(target)).containsExactly("20240330T000000.000Z-full",
                "20240330T000000.000Z-full/page-000000000.json", "20240402T063000.250Z-delta",
                "20240402T063000.250Z-delta/w000-page-000000000.json");
        Path page = target.resolve("20240330T000000.000Z-full/page-000000000.json");
        assertThat(Files.readAllBytes(page)).hasSize(10);
        // A hard link where the two are on one file system (a copy otherwise): the cached page is not duplicated.
        if (Files.getFileStore(staging).equals(Files.getFileStore(dir))) {
            assertThat(Files.isSameFile(page, dir.resolve("20240330T000000.000Z-full/page-000000000.json")))
                    .isTrue();
        }
    }

    @Test
    void incrementsThatOutgrowTheFullDownloadMeanAFreshOne() throws IOException {
        folder("20240330T000000.000Z-full", "page-000000000.json", 10);
        folder("20240402T063000.250Z-delta", "w000-page-000000000.json", 11);
        NvdMirror mirror = NvdMirror.open(dir);
        assertThat(NvdSync.whyFull(Optional.of(DELTA), Optional.of(DELTA),
                DELTA.plus(Duration.ofDays(1)), mirror)).contains(
                "the changes kept since the last full download outgrew it");
        Files.write(dir.resolve("20240330T000000.000Z-full/page-000000002.json"), new byte[5]);
        assertThat(NvdSync.whyFull(Optional.of(DELTA), Optional.of(DELTA),
                DELTA.plus(Duration.ofDays(1)), NvdMirror.open(dir))).isEmpty();
    }
}
