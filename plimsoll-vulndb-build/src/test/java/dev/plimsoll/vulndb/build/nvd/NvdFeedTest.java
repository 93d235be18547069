package dev.plimsoll.vulndb.build.nvd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.vulndb.VulnDbReader;
import dev.plimsoll.vulndb.build.DbBuilder;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NVD over the two real CVE objects in src/test/resources/vulndata/nvd, bare and wrapped in an API page. */
class NvdFeedTest {
    @TempDir
    Path root;

    private static void assertTheTwoSamples(RecordingSink sink) {
        CveFacts xz = sink.facts("CVE-2024-3094");
        // Red Hat's Secondary score is listed first; NVD's Primary one is chosen.
        assertThat(xz.nvdCvss()).containsExactly(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                Optional.of(10.0), "nvd"));
        assertThat(xz.description()).get().asString().startsWith("Malicious code was discovered in the upstream "
                + "tarballs of xz, starting with version 5.6.0.");
        assertThat(xz.knownExploited()).isFalse();
        assertThat(xz.epss()).isEmpty();
        CveFacts text = sink.facts("CVE-2022-42889");
        assertThat(text.nvdCvss()).containsExactly(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                Optional.of(9.8), "nvd"));
        assertThat(text.description()).get().asString().contains("Apache Commons Text");
    }

    @Test
    void bareCveObjects() throws IOException {
        RecordingSink sink = new RecordingSink();
        NvdFeed feed = new NvdFeed();
        assertThat(feed.present(TestData.fixtures())).isTrue();
        feed.parse(TestData.fixtures(), sink);
        assertThat(sink.facts).hasSize(2);
        assertThat(sink.skipped).isEmpty();
        assertTheTwoSamples(sink);
        assertThat(sink.dataDate()).contains(Instant.parse("2025-02-06T09:15:10.820Z"));
    }

    @Test
    void apiResponsePageIsStreamed() throws IOException {
        Path nvd = Files.createDirectories(root.resolve("nvd"));
        String page = """
                {"resultsPerPage": 3, "startIndex": 0, "totalResults": 3, "format": "NVD_CVE", "version": "2.0",
                 "timestamp": "2026-01-01T00:00:00.000",
                 "vulnerabilities": [{"cve": %s}, {"cve": %s}, {"notcve": {}}, 7]}""".formatted(
                Files.readString(TestData.fixtures().resolve("nvd/CVE-2022-42889.json")),
                Files.readString(TestData.fixtures().resolve("nvd/CVE-2024-3094.json")));
        Files.writeString(nvd.resolve("page-0.json"), page);
        RecordingSink sink = RecordingSink.parse(new NvdFeed(), root);
        assertThat(sink.facts).hasSize(2);
        assertTheTwoSamples(sink);
        assertThat(sink.skipped).extracting(RecordingSink.Skip::reason)
                .containsExactly("vulnerabilities[2]: no cve object", "vulnerabilities[3]: not an object");
        assertThat(sink.dataDate()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aTruncatedPageKeepsTheCvesBeforeTheBreak() throws IOException {
        Path nvd = Files.createDirectories(root.resolve("nvd"));
        String cve = Files.readString(TestData.fixtures().resolve("nvd/CVE-2022-42889.json"));
        Files.writeString(nvd.resolve("page-0.json"), "{\"vulnerabilities\": [{\"cve\": " + cve + "}, {\"cve\": {\"id\"");
        Files.writeString(nvd.resolve("odd.json"), "{\"id\": \"not-a-cve\"}");
        RecordingSink sink = RecordingSink.parse(new NvdFeed(), root);
        assertThat(sink.facts).extracting(CveFacts::cve).containsExactly("CVE-2022-42889");
        assertThat(sink.skipped("nvd/page-0.json")).singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("not valid JSON").contains("were read"));
        assertThat(sink.skipped("nvd/odd.json")).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("no CVE id (\"not-a-cve\")"));
    }

    @Test
    void versionsArePickedPrimaryFirstAndListedNewestFirst() throws IOException {
        Path nvd = Files.createDirectories(root.resolve("nvd"));
        Files.writeString(nvd.resolve("CVE-2000-0001.json"), """
                {"id": "CVE-2000-0001", "descriptions": [{"lang": "es", "value": "hola"}, {"lang": "en", "value": " hi "}],
                 "metrics": {
                   "cvssMetricV2": [{"source": "nvd@nist.gov", "type": "Primary",
                                     "cvssData": {"version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:P/I:P/A:P", "baseScore": 7.5}}],
                   "cvssMetricV40": [{"source": "cna@example.org", "type": "Secondary",
                                      "cvssData": {"version": "4.0", "vectorString": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}}],
                   "cvssMetricV30": [{"source": "nvd@nist.gov", "type": "Primary", "cvssData": {"version": "3.0"}}]}}""");
        RecordingSink sink = RecordingSink.parse(new NvdFeed(), root);
        CveFacts facts = sink.facts("CVE-2000-0001");
        assertThat(facts.description()).contains("hi");
        assertThat(facts.nvdCvss()).extracting(Cvss::version, Cvss::source, Cvss::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple("4.0", "cna@example.org", Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("2.0", "nvd", Optional.of(7.5)));
        assertThat(sink.skipped).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("CVE-2000-0001", "cvssMetricV30", "no vectorString"));
    }

    /** CVE-2024-3094 before NVD's analysis: the real record without NVD's Primary entry (Red Hat's remains). */
    private static String xzBeforeNvdAnalysis() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode cve = (ObjectNode) json.readTree(TestData.fixtures().resolve("nvd/CVE-2024-3094.json").toFile());
        ArrayNode v31 = (ArrayNode) cve.path("metrics").path("cvssMetricV31");
        v31.remove(1);   // the nvd@nist.gov Primary entry
        cve.put("lastModified", "2024-03-29T17:15:21.150");
        return json.writeValueAsString(cve);
    }

    @Test
    void aCveInTwoFilesIsTakenFromTheFileThatSortsLastAlone() throws IOException {
        // As NvdSync lays out a full download and a later increment.
        String older = xzBeforeNvdAnalysis();
        assertThat(older).contains("secalert@redhat.com").doesNotContain("nvd@nist.gov");
        Path full = Files.createDirectories(root.resolve("nvd/20240330T000000.000Z-full"));
        Path delta = Files.createDirectories(root.resolve("nvd/20250301T000000.000Z-delta"));
        Files.writeString(full.resolve("page-000000000.json"), "{\"vulnerabilities\": [{\"cve\": " + older
                + "}, {\"cve\": " + Files.readString(TestData.fixtures().resolve("nvd/CVE-2022-42889.json")) + "}]}");
        Files.writeString(delta.resolve("w002-page-000000000.json"), "{\"vulnerabilities\": [{\"cve\": "
                + Files.readString(TestData.fixtures().resolve("nvd/CVE-2024-3094.json")) + "}]}");

        RecordingSink sink = RecordingSink.parse(new NvdFeed(), root);

        assertThat(sink.facts).extracting(CveFacts::cve).containsExactlyInAnyOrder("CVE-2024-3094", "CVE-2022-42889");
        assertTheTwoSamples(sink);   // NVD's Primary vector only: not merged with the older copy's Red Hat one
        assertThat(sink.skipped).isEmpty();

        // Built into a database, the older copy's vector does not come back either.
        Path db = root.resolve("out/vulndb.db");
        new DbBuilder(1).build(root, db, List.of(new NvdFeed()), Clock.systemUTC());
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.cveFacts("CVE-2024-3094").orElseThrow().nvdCvss()).containsExactly(
                    new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", Optional.of(10.0), "nvd"));
        }
    }

    @Test
    void pagingOfTheApi() {
        assertThat(new NvdFeed().downloads()).isEmpty();
        assertThat(new NvdFeed().sync()).get().extracting(s -> s.key(), s -> s.defaultUrl())
                .containsExactly("nvd", NvdApi.BASE);
        assertThat(NvdApi.PUBLIC.pageUri(4000)).hasToString(
                "https://services.nvd.nist.gov/rest/json/cves/2.0?resultsPerPage=2000&startIndex=4000");
        assertThat(new NvdApi(URI.create("http://mirror.example/nvd?token=x"), 3).pageUri(0)).hasToString(
                "http://mirror.example/nvd?token=x&resultsPerPage=3&startIndex=0");
        assertThat(NvdApi.nextStartIndex(0, 2000, 250_000)).isEqualTo(OptionalInt.of(2000));
        assertThat(NvdApi.nextStartIndex(248_000, 2000, 250_000)).isEmpty();
        assertThat(NvdApi.nextStartIndex(0, 0, 10)).isEmpty();
        assertThat(NvdApi.PUBLIC.modifiedSinceUri(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-03-01T12:30:00Z"), 0)).hasToString(
                "https://services.nvd.nist.gov/rest/json/cves/2.0?resultsPerPage=2000&startIndex=0"
                        + "&lastModStartDate=2025-01-01T00:00:00.000&lastModEndDate=2025-03-01T12:30:00.000");
        assertThatIllegalArgumentException().isThrownBy(() -> NvdApi.PUBLIC.modifiedSinceUri(
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-06-01T00:00:00Z"), 0));
        // exactly 120 days is allowed, a millisecond more is not
        assertThat(NvdApi.PUBLIC.modifiedSinceUri(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-05-01T00:00:00Z"), 0).getQuery())
                .endsWith("lastModEndDate=2025-05-01T00:00:00.000");
        assertThatIllegalArgumentException().isThrownBy(() -> NvdApi.PUBLIC.modifiedSinceUri(
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-05-01T00:00:00.001Z"), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new NvdApi(NvdApi.BASE, 2001));
    }
}
