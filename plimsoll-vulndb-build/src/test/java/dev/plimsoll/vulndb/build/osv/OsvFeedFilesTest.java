package dev.plimsoll.vulndb.build.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the OSV and GHSA feeds treat the files of a data root: layouts, copies, links, sizes, broken files. */
class OsvFeedFilesTest {
    @TempDir
    Path root;

    private Path copyFixture(String from, String to) throws IOException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        return Files.copy(TestData.fixtures().resolve(from), target);
    }

    @Test
    void aRecordInSeveralEcosystemArchivesIsReadOnce() throws IOException {
        // osv.dev puts GHSA-f2jv-r9rf-7988 (npm + Maven) into both archives.
        copyFixture("ghsa/npm/GHSA-f2jv-r9rf-7988.json", "osv/npm/GHSA-f2jv-r9rf-7988.json");
        copyFixture("ghsa/npm/GHSA-f2jv-r9rf-7988.json", "osv/Maven/GHSA-f2jv-r9rf-7988.json");
        copyFixture("ghsa/npm/GHSA-8hfj-j24r-96c4.json", "osv/npm/GHSA-8hfj-j24r-96c4.json");
        RecordingSink sink = RecordingSink.parse(new OsvFeed(), root);
        assertThat(sink.advisories("GHSA-f2jv-r9rf-7988")).hasSize(4);
        assertThat(sink.advisories("GHSA-8hfj-j24r-96c4")).hasSize(2);
        assertThat(sink.skipped).isEmpty();
    }

    @Test
    void ghsaArchiveLayoutIsReadAndUnreviewedTreeReportedOnce() throws IOException {
        String reviewed = "ghsa/advisory-database-main/advisories/github-reviewed/2021/12/GHSA-jfh8-c2jp-5v3q/";
        copyFixture("ghsa/Maven/GHSA-jfh8-c2jp-5v3q.json", reviewed + "GHSA-jfh8-c2jp-5v3q.json");
        copyFixture("ghsa/Maven/GHSA-g5mm-vmx4-3rg7.json",
                "ghsa/advisory-database-main/advisories/unreviewed/2022/04/GHSA-g5mm-vmx4-3rg7/GHSA-g5mm-vmx4-3rg7.json");
        Files.writeString(root.resolve("ghsa/advisory-database-main/README.md"), "# not a record");
        RecordingSink sink = RecordingSink.parse(new GhsaFeed(), root);
        assertThat(sink.advisories).extracting(a -> a.id()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(sink.skipped).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("ghsa/advisory-database-main/advisories/unreviewed");
            assertThat(s.reason()).contains("unreviewed");
        });
    }

    @Test
    void brokenAndOversizedFilesAreSkippedWithTheirReasonAndTheRestIsRead() throws IOException {
        copyFixture("osv/PyPI/PYSEC-2022-42969.json", "osv/PyPI/PYSEC-2022-42969.json");
        Files.writeString(root.resolve("osv/PyPI/BROKEN-1.json"), "{\"id\": \"BROKEN-1\", \"affected\": [");
        Files.writeString(root.resolve("osv/PyPI/EMPTY-1.json"), "");
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("osv/PyPI/HUGE-1.json").toFile(), "rw")) {
            big.setLength(OsvDirectoryReader.MAX_RECORD_BYTES + 1); // sparse: costs no disk
        }
        RecordingSink sink = RecordingSink.parse(new OsvFeed(), root);
        assertThat(sink.advisories).extracting(a -> a.id()).containsExactly("PYSEC-2022-42969");
        assertThat(sink.skipped("osv/PyPI/BROKEN-1.json")).singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("not valid JSON"));
        assertThat(sink.skipped("osv/PyPI/EMPTY-1.json")).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("empty file"));
        assertThat(sink.skipped("osv/PyPI/HUGE-1.json")).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("over the 67108864-byte bound"));
    }

    @Test
    void linksOutOfTheRootAreNotFollowed(@TempDir Path outside) throws IOException {
        Path secret = Files.copy(TestData.fixtures().resolve("osv/PyPI/PYSEC-2022-42969.json"),
                outside.resolve("PYSEC-2022-42969.json"));
        Files.createDirectories(root.resolve("osv/PyPI"));
        Files.createSymbolicLink(root.resolve("osv/PyPI/PYSEC-2022-42969.json"), secret);
        Files.createSymbolicLink(root.resolve("osv/Linked"), outside);
        copyFixture("osv/PyPI/PYSEC-2022-15.json", "osv/PyPI/PYSEC-2022-15.json");
        RecordingSink sink = RecordingSink.parse(new OsvFeed(), root);
        assertThat(sink.advisories).extracting(a -> a.id()).containsExactly("PYSEC-2022-15");
        assertThat(sink.skipped).extracting(RecordingSink.Skip::file)
                .containsExactly("osv/Linked", "osv/PyPI/PYSEC-2022-42969.json");
        assertThat(sink.skipped).allSatisfy(s -> assertThat(s.reason()).isEqualTo("symbolic link: not followed"));
    }

    @Test
    void aLinkedFeedDirectoryIsNotRead(@TempDir Path outside) throws IOException {
        Files.createDirectories(outside.resolve("PyPI"));
        Files.copy(TestData.fixtures().resolve("osv/PyPI/PYSEC-2022-15.json"),
                outside.resolve("PyPI/PYSEC-2022-15.json"));
        Files.createSymbolicLink(root.resolve("osv"), outside);
        RecordingSink sink = new RecordingSink();
        OsvFeed feed = new OsvFeed();
        assertThat(feed.present(root)).isFalse();
        feed.parse(root, sink);
        assertThat(sink.advisories).isEmpty();
    }

    @Test
    void anAbsentDirectoryIsNothingToParse() throws IOException {
        RecordingSink sink = RecordingSink.parse(new OsvFeed(), root);
        new GhsaFeed().parse(root, sink);
        assertThat(sink.advisories).isEmpty();
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.dates).isEmpty();
    }
}
