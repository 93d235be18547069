package dev.plimsoll.vulndb.build.kev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KEV over the real 4-entry subset in src/test/resources/vulndata/kev. */
class KevFeedTest {
    @TempDir
    Path root;

    @Test
    void everyEntryIsKnownExploitedWithItsDate() throws IOException {
        RecordingSink sink = new RecordingSink();
        KevFeed feed = new KevFeed();
        assertThat(feed.present(TestData.fixtures())).isTrue();
        feed.parse(TestData.fixtures(), sink);
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.facts).extracting(CveFacts::cve)
                .containsExactly("CVE-2025-48384", "CVE-2023-44487", "CVE-2021-45046", "CVE-2021-44228");
        assertThat(sink.facts).allSatisfy(f -> {
            assertThat(f.knownExploited()).isTrue();
            assertThat(f.epss()).isEmpty();
            assertThat(f.nvdCvss()).isEmpty();
        });
        assertThat(sink.facts("CVE-2021-44228").kevDateAdded()).contains(LocalDate.of(2021, 12, 10));
        assertThat(sink.facts("CVE-2023-44487").kevDateAdded()).contains(LocalDate.of(2023, 10, 10));
        assertThat(sink.dataDate()).contains(Instant.parse("2025-08-25T17:04:19.9796Z"));
    }

    @Test
    void badEntriesAreReportedAndCatalogVersionDatesTheDataWithoutDateReleased() throws IOException {
        Files.createDirectories(root.resolve("kev"));
        Files.writeString(root.resolve(KevFeed.FILE), """
                {"catalogVersion": "2024.01.31", "count": 4, "vulnerabilities": [
                  {"cveID": "CVE-2024-0001", "dateAdded": "2024-01-30"},
                  {"cveID": "not-a-cve", "dateAdded": "2024-01-30"},
                  {"dateAdded": "2024-01-30"},
                  {"cveID": "CVE-2024-0002", "dateAdded": "30/01/2024"}]}""");
        RecordingSink sink = RecordingSink.parse(new KevFeed(), root);
        assertThat(sink.facts).extracting(CveFacts::cve, CveFacts::kevDateAdded).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVE-2024-0001", Optional.of(LocalDate.of(2024, 1, 30))),
                org.assertj.core.groups.Tuple.tuple("CVE-2024-0002", Optional.empty()));
        assertThat(sink.skipped).extracting(RecordingSink.Skip::reason).containsExactly(
                "vulnerabilities[1]: no CVE id (\"not-a-cve\")",
                "vulnerabilities[2]: no CVE id",
                "vulnerabilities[3] CVE-2024-0002: dateAdded is not a date: kept without it");
        assertThat(sink.dataDate()).contains(Instant.parse("2024-01-31T00:00:00Z"));
    }

    @Test
    void notACatalogue() throws IOException {
        Files.createDirectories(root.resolve("kev"));
        Files.writeString(root.resolve(KevFeed.FILE), "<html>blocked</html>");
        RecordingSink sink = RecordingSink.parse(new KevFeed(), root);
        assertThat(sink.facts).isEmpty();
        assertThat(sink.skipped).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo(KevFeed.FILE);
            assertThat(s.reason()).startsWith("not valid JSON");
        });
    }

    @Test
    void aLinkedCatalogueIsReportedAndNotRead(@TempDir Path outside) throws IOException {
        Path real = Files.copy(TestData.fixtures().resolve(KevFeed.FILE), outside.resolve("kev.json"));
        Files.createDirectories(root.resolve("kev"));
        Files.createSymbolicLink(root.resolve(KevFeed.FILE), real);
        RecordingSink sink = new RecordingSink();
        KevFeed feed = new KevFeed();
        assertThat(feed.present(root)).isFalse();
        feed.parse(root, sink);
        assertThat(sink.facts).isEmpty();
        assertThat(sink.skipped).containsExactly(
                new RecordingSink.Skip(KevFeed.FILE, "symbolic link: not followed"));
    }

    @Test
    void downloadsTheCisaFeed() {
        assertThat(new KevFeed().downloads()).singleElement().satisfies(d -> {
            assertThat(d.url()).hasToString(
                    "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
            assertThat(d.target()).isEqualTo("kev/known_exploited_vulnerabilities.json");
            assertThat(d.unpack()).isEqualTo(Download.Unpack.NONE);
        });
        assertThat(new KevFeed().present(root)).isFalse();
    }
}
