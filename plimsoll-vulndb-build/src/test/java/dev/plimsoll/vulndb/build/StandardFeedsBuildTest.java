package dev.plimsoll.vulndb.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.vulndb.VulnDbReader;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database built by Feeds.standard(): from the feed fixtures (real records, see src/test/resources/vulndata's
 * README) always, and from the whole of ../shared/vulndata when it is there.
 */
class StandardFeedsBuildTest {
    @TempDir
    Path tmp;

    @Test
    void theFixturesBuildADatabaseWithEveryFeedThatHasData() throws IOException {
        Path db = tmp.resolve("vulndb.db");
        BuildReport report = new DbBuilder().build(TestData.fixtures(), db, Feeds.standard(), Clock.systemUTC());
        print("fixtures", report);
        assertThat(report.feeds()).extracting(FeedReport::feed).contains("osv", "ghsa", "kev", "alpine", "rubysec");
        assertThat(report.feeds()).allSatisfy(f -> assertThat(f.records()).as(f.feed()).isPositive());
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.verify()).isEqualTo(report.counts());
            assertThat(r.metadata().sources()).hasSize(report.feeds().size());
            assertThat(r.cveFacts("CVE-2021-44228")).hasValueSatisfying(f -> assertThat(f.knownExploited()).isTrue());
        }
    }

    @Test
    void theWholeSharedVulndataBuildsAndEveryRecordReadsBack() throws IOException {
        Path vulndata = TestData.sharedVulndata().orElse(null);
        Assumptions.assumeTrue(vulndata != null, "../shared/vulndata not found: set -Dplimsoll.vulndata=DIR (or "
                + "PLIMSOLL_VULNDATA) to build from all of it; the fixture build above still runs");
        Path db = tmp.resolve("vulndb.db");
        BuildReport report = new DbBuilder().build(vulndata, db, Feeds.standard(), Clock.systemUTC());
        print("../shared/vulndata", report);
        assertThat(report.feeds()).extracting(FeedReport::feed)
                .contains("osv", "ghsa", "nvd", "kev", "debian-dsa", "alpine", "rubysec", "php", "nodejs");
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.verify()).isEqualTo(report.counts());
            assertThat(r.find(PackageKey.language(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core")))
                    .extracting(a -> a.id()).contains("GHSA-jfh8-c2jp-5v3q");
        }
    }

    private static void print(String what, BuildReport report) throws IOException {
        System.out.printf("build from %s: %s, %,d bytes in %d ms%n", what, report.counts(),
                Files.size(report.dbFile()), report.time().toMillis());
        for (FeedReport f : report.feeds()) {
            System.out.printf("  %-16s %,8d advisories %,8d CVE facts %,5d skipped %6d ms%s%n", f.feed(),
                    f.advisories(), f.cveFacts(), f.skipped(), f.time().toMillis(),
                    f.firstError().map(e -> "  first: " + e).orElse(""));
        }
    }

    static List<String> ids(List<FeedReport> feeds) {
        return feeds.stream().map(FeedReport::feed).toList();
    }
}
