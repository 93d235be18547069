package dev.plimsoll.vulndb.build.nvd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.vulndb.build.UpdateException;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks a downloaded NVD page passes before it is kept, over a page built from a real record. */
class NvdPageTest {
    private static final URI URL = URI.create("https://nvd.example/rest/json/cves/2.0?resultsPerPage=2&startIndex=2");

    @TempDir
    Path tmp;

    private static String cve() throws IOException {
        return Files.readString(TestData.fixtures().resolveSibling("nvd-api").resolve("CVE-2023-44807.json"));
    }

    private NvdPage read(String page, int expectedStart) throws IOException {
        Path file = Files.writeString(Files.createTempFile(tmp, "page", ".json"), page);
        return NvdPage.read(file, URL, expectedStart, 2);
    }

    private void assertMalformed(String page, String problem) {
        assertThatThrownBy(() -> read(page, 2)).isInstanceOf(UpdateException.class)
                .hasMessage("NVD page (" + URL + "): malformed response: " + problem);
    }

    @Test
    void aRealPageReadsItsPagingFields() throws IOException {
        String page = "{\"resultsPerPage\": 2, \"startIndex\": 2, \"totalResults\": 5, \"format\": \"NVD_CVE\","
                + " \"version\": \"2.0\", \"timestamp\": \"2023-10-20T00:00:00.000\", \"vulnerabilities\": [{\"cve\": "
                + cve() + "}, {\"cve\": " + cve() + "}]}";
        assertThat(read(page, 2)).isEqualTo(new NvdPage(2, 5, 2));
        assertThat(read("{\"resultsPerPage\": 0, \"startIndex\": 0, \"totalResults\": 0, \"vulnerabilities\": []}",
                0)).isEqualTo(new NvdPage(0, 0, 0));
    }

    @Test
    void malformedPagesAreRefusedWithTheReason() throws IOException {
        String one = "[{\"cve\": " + cve() + "}]";
        assertMalformed("[]", "not a JSON object");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"vulnerabilities\": " + one + "}",
                "no totalResults");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": 5}", "no vulnerabilities array");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 0, \"totalResults\": 5, \"vulnerabilities\": " + one
                + "}", "startIndex 0, but 2 was asked for");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": \"5\", \"vulnerabilities\": "
                + one + "}", "totalResults is not a count: 5");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": -1, \"vulnerabilities\": "
                + one + "}", "totalResults is not a count: -1");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": 99999999999,"
                + " \"vulnerabilities\": " + one + "}", "totalResults is not a count: 99999999999");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": 20000000, \"vulnerabilities\": "
                + one + "}", "totalResults 20000000 is more than any NVD holds (10000000)");
        assertMalformed("{\"resultsPerPage\": 3, \"startIndex\": 2, \"totalResults\": 9, \"vulnerabilities\": [{\"cve\": "
                + cve() + "}, {\"cve\": " + cve() + "}, {\"cve\": " + cve() + "}]}",
                "3 CVEs, but at most 2 were asked for");
        assertMalformed("{\"resultsPerPage\": 0, \"startIndex\": 2, \"totalResults\": 5, \"vulnerabilities\": []}",
                "no CVEs, but totalResults 5 is not reached");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": 5, \"vulnerabilities\": {}}",
                "vulnerabilities is not an array");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": 5, \"vulnerabilities\": [7]}",
                "vulnerabilities[0] is not an object");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": 5, \"vulnerabilities\":"
                + " [{\"cve\": " + cve() + "}, {\"notcve\": {}}]}", "vulnerabilities[1] has no cve object");
        assertMalformed("{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": 5, \"vulnerabilities\": " + one
                + "} {}", "content after the JSON object");
        assertThatThrownBy(() -> read("{\"resultsPerPage\": 1, \"startIndex\": 2, \"vulnerabilities\": [{\"cve\": {",
                2)).isInstanceOf(UpdateException.class).hasMessageStartingWith("NVD page (" + URL
                + "): malformed response: not valid JSON: ");
    }

    @Property(tries = 300)
    void anyBytesGiveAPageOrAMalformedResponseNamingTheUrl(@ForAll("pages") String page) throws IOException {
        Path file = Files.writeString(Files.createTempFile("nvd-page", ".json"), page);
        try {
            NvdPage read = NvdPage.read(file, URL, 2, 2);
            assertThat(read.startIndex()).isEqualTo(2);
            assertThat(read.count()).isBetween(0, 2);
        } catch (UpdateException e) {
            assertThat(e.getMessage()).startsWith("NVD page (" + URL + "): malformed response: ");
        } finally {
            Files.delete(file);
        }
    }

    /** A real page cut, spliced and mutated at random. */
    @Provide
    Arbitrary<String> pages() throws IOException {
        String page = "{\"resultsPerPage\": 1, \"startIndex\": 2, \"totalResults\": 3, \"vulnerabilities\": [{\"cve\": "
                + cve() + "}]}";
        Arbitrary<Integer> at = Arbitraries.integers().between(0, page.length());
        Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]\",:0123456789-e.nulltruefalse ").ofMaxLength(8);
        return Combinators.combine(at, at, noise).as((a, b, n) -> {
            int from = Math.min(a, b);
            int to = Math.max(a, b);
            return page.substring(0, from) + n + page.substring(to);
        });
    }
}
