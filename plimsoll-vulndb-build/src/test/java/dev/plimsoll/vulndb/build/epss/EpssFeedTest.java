package dev.plimsoll.vulndb.build.epss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EPSS over the hand-written CSV in src/test/resources/vulndata/epss (FIRST's format, illustrative numbers). */
class EpssFeedTest {
    @TempDir
    Path root;

    private void write(String file, String content, boolean gzip) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(path))
                : Files.newOutputStream(path)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void scoresAndScoreDate() throws IOException {
        RecordingSink sink = new RecordingSink();
        EpssFeed feed = new EpssFeed();
        assertThat(feed.present(TestData.fixtures())).isTrue();
        feed.parse(TestData.fixtures(), sink);
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.facts).hasSize(6).allSatisfy(f -> {
            assertThat(f.knownExploited()).isFalse();
            assertThat(f.kevDateAdded()).isEmpty();
        });
        CveFacts log4shell = sink.facts("CVE-2021-44228");
        assertThat(log4shell.epss()).hasValue(0.94358);
        assertThat(log4shell.epssPercentile()).hasValue(0.99957);
        assertThat(sink.dataDate()).contains(Instant.parse("2025-08-25T12:55:00Z"));
    }

    @Test
    void plainCsvWithCrlfBomAndOtherColumnOrder() throws IOException {
        write(EpssFeed.PLAIN_FILE, "\uFEFF#model_version:v2025.03.14,score_date:2026-05-18T00:00:00Z\r\n"
                + "percentile,cve,epss\r\n0.7385,CVE-1999-0001,0.0046\r\n\r\n0.92176,CVE-1999-0002,0.04525\r\n", false);
        RecordingSink sink = RecordingSink.parse(new EpssFeed(), root);
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.facts).extracting(CveFacts::cve).containsExactly("CVE-1999-0001", "CVE-1999-0002");
        assertThat(sink.facts("CVE-1999-0002").epss()).hasValue(0.04525);
        assertThat(sink.facts("CVE-1999-0002").epssPercentile()).hasValue(0.92176);
        assertThat(sink.dataDate()).contains(Instant.parse("2026-05-18T00:00:00Z"));
    }

    @Test
    void badRowsAreReportedAndTheRestKept() throws IOException {
        write(EpssFeed.GZIP_FILE, """
                #model_version:v2025.03.14
                cve,epss,percentile
                CVE-2024-0001,0.5,0.9
                CVE-2024-0002,1.5,0.9
                CVE-2024-0003,abc,0.9
                cve-2024-0004,0.1,0.1
                CVE-2024-0005,0.1
                CVE-2024-0006,NaN,0.2
                CVE-2024-0007,0.000010000,0.000000000""", true);
        write(EpssFeed.PLAIN_FILE, "cve,epss,percentile\nCVE-2024-0009,0.1,0.1\n", false);
        RecordingSink sink = RecordingSink.parse(new EpssFeed(), root);
        assertThat(sink.facts).extracting(CveFacts::cve).containsExactly("CVE-2024-0001", "CVE-2024-0007");
        assertThat(sink.skipped).extracting(s -> s.file() + ": " + s.reason()).containsExactly(
                "epss/epss_scores-current.csv: not read: epss/epss_scores-current.csv.gz is present and is the downloaded copy",
                "epss/epss_scores-current.csv.gz: line 1: no score_date in \"#model_version:v2025.03.14\"",
                "epss/epss_scores-current.csv.gz: line 4 CVE-2024-0002: epss and percentile must be numbers in [0, 1]",
                "epss/epss_scores-current.csv.gz: line 5 CVE-2024-0003: epss and percentile must be numbers in [0, 1]",
                "epss/epss_scores-current.csv.gz: line 6: \"cve-2024-0004\" is not a CVE id",
                "epss/epss_scores-current.csv.gz: line 7: 2 columns, the header has 3",
                "epss/epss_scores-current.csv.gz: line 8 CVE-2024-0006: epss and percentile must be numbers in [0, 1]");
        assertThat(sink.dates).isEmpty();
    }

    @Test
    void notAnEpssFileIsRefusedAtTheHeader() throws IOException {
        write(EpssFeed.GZIP_FILE, "<html><body>rate limited</body></html>\n", false);
        RecordingSink sink = RecordingSink.parse(new EpssFeed(), root);
        assertThat(sink.facts).isEmpty();
        assertThat(sink.skipped).singleElement().satisfies(s -> assertThat(s.reason())
                .contains("lacks cve, epss, percentile: not an EPSS file"));
    }

    @Test
    void aLineWithoutEndIsBounded() throws IOException {
        write(EpssFeed.GZIP_FILE, "cve,epss,percentile\n" + "9".repeat(100_000), true);
        RecordingSink sink = RecordingSink.parse(new EpssFeed(), root);
        assertThat(sink.facts).isEmpty();
        assertThat(sink.skipped).singleElement().satisfies(s -> assertThat(s.reason())
                .contains("line 2 is longer than 1024 characters"));
    }

    @Test
    void downloadsTheCurrentScores() {
        assertThat(new EpssFeed().downloads()).singleElement().satisfies(d -> {
            assertThat(d.url()).hasToString("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");
            assertThat(d.target()).isEqualTo("epss/epss_scores-current.csv.gz");
        });
        assertThat(new EpssFeed().present(root)).isFalse();
    }
}
