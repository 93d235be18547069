package dev.plimsoll.vulndb.build.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.Feeds;
import dev.plimsoll.vulndb.build.epss.EpssFeed;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import dev.plimsoll.vulndb.build.kev.KevFeed;
import dev.plimsoll.vulndb.build.nvd.NvdFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OSV, GHSA, NVD, KEV and EPSS feeds over the whole of ../shared/vulndata (11,904 real files; see its
 * README for counts). Skipped with a message when that directory is absent: the fixture tests cover every case.
 */
class WholeVulndataTest {
    private static Path vulndata;

    @BeforeAll
    static void locate() {
        vulndata = TestData.sharedVulndata().orElse(null);
        Assumptions.assumeTrue(vulndata != null, "../shared/vulndata not found: set -Dplimsoll.vulndata=DIR (or "
                + "PLIMSOLL_VULNDATA) to run the whole-data test; the fixture tests still cover every case");
    }

    private static long jsonFiles(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(vulndata.resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    @Test
    void everyOsvRecordIsReadAndNothingIsSkipped() throws IOException {
        RecordingSink sink = RecordingSink.parse(new OsvFeed(), vulndata);
        System.out.printf("osv (Go + PyPI + crates.io + Ubuntu, %d files): %d advisories in %d ms%n",
                jsonFiles("osv"), sink.advisories.size(), sink.parseMillis());

        assertThat(sink.skipped).isEmpty();
        Map<String, Long> records = recordsByFolder(sink);
        assertThat(records).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PyPI", 2661L, "Go", 4291L, "crates.io", 1206L, "Ubuntu", 3L));
        Map<String, Long> withdrawn = sink.advisories.stream().filter(Advisory::withdrawn)
                .collect(Collectors.groupingBy(a -> folderOf(a.id()), TreeMap::new,
                        Collectors.mapping(Advisory::id, Collectors.collectingAndThen(Collectors.toSet(),
                                s -> (long) s.size()))));
        assertThat(withdrawn).containsExactlyInAnyOrderEntriesOf(Map.of("PyPI", 10L, "Go", 17L, "crates.io", 13L));
        assertThat(sink.dataDate()).isPresent();
        assertThat(sink.advisories).allSatisfy(a -> assertThat(a.pkg().ecosystem().purlType())
                .isIn("pypi", "golang", "cargo", "deb"));
    }

    @Test
    void everyGhsaRecordIsReadAndOnlyTheTwoUnknownEcosystemsAreSkipped() throws IOException {
        RecordingSink sink = RecordingSink.parse(new GhsaFeed(), vulndata);
        assertThat(sink.advisories.stream().map(Advisory::id).distinct()).hasSize(96);
        assertThat(jsonFiles("ghsa")).isEqualTo(97);
        assertThat(sink.skipped).extracting(s -> s.file() + " " + s.reason().replaceAll(":.*", "")).containsExactly(
                "ghsa/Go/GHSA-qppj-fm5r-hxr3.json GHSA-qppj-fm5r-hxr3",
                "ghsa/npm/GHSA-j8xg-fqg3-53r7.json GHSA-j8xg-fqg3-53r7");
        assertThat(sink.skipped).allSatisfy(s -> assertThat(s.reason()).contains("unsupported ecosystem"));
        assertThat(sink.advisories).allSatisfy(a -> assertThat(a.severity()).isPresent());
    }

    @Test
    void cveFeeds() throws IOException {
        RecordingSink nvd = RecordingSink.parse(new NvdFeed(), vulndata);
        assertThat(nvd.facts).extracting(CveFacts::cve).containsExactlyInAnyOrder("CVE-2022-42889", "CVE-2024-3094");

        RecordingSink kev = RecordingSink.parse(new KevFeed(), vulndata);
        assertThat(kev.skipped).isEmpty();
        assertThat(kev.facts).hasSize(1404).allSatisfy(f -> {
            assertThat(f.knownExploited()).isTrue();
            assertThat(f.kevDateAdded()).isPresent();
        });
        assertThat(kev.facts.stream().map(CveFacts::cve).collect(Collectors.toSet())).hasSize(1404);

        // ../shared/vulndata has no EPSS file (its README: none was found in a repository).
        assertThat(new EpssFeed().present(vulndata)).isEqualTo(Files.exists(vulndata.resolve(EpssFeed.GZIP_FILE))
                || Files.exists(vulndata.resolve(EpssFeed.PLAIN_FILE)));
    }

    @Test
    void theStandardFeedsTogetherInAFewSeconds() throws IOException {
        RecordingSink sink = new RecordingSink();
        long start = System.nanoTime();
        for (Feed feed : Feeds.standard()) {
            if (Set.of(OsvFeed.ID, GhsaFeed.ID, NvdFeed.ID, KevFeed.ID, EpssFeed.ID).contains(feed.id())
                    && feed.present(vulndata)) {
                feed.parse(vulndata, sink);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("osv + ghsa + nvd + kev over ../shared/vulndata: %d advisories, %d CVE facts, "
                + "%d skipped in %d ms%n", sink.advisories.size(), sink.facts.size(), sink.skipped.size(), millis);
        assertThat(sink.advisories).hasSizeGreaterThan(9000);
    }

    private static Map<String, Long> recordsByFolder(RecordingSink sink) {
        Map<String, Long> counts = new TreeMap<>();
        sink.advisories.stream().map(Advisory::id).distinct()
                .forEach(id -> counts.merge(folderOf(id), 1L, Long::sum));
        return counts;
    }

    private static String folderOf(String id) {
        return switch (id.substring(0, id.indexOf('-'))) {
            case "PYSEC" -> "PyPI";
            case "GO" -> "Go";
            case "RUSTSEC" -> "crates.io";
            case "USN" -> "Ubuntu";
            default -> "other: " + id;
        };
    }
}
