package dev.plimsoll.vulndb.build.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GHSA feed over the real advisories in src/test/resources/vulndata/ghsa (see the README there). */
class GhsaFeedTest {
    private static final RecordingSink SINK = new RecordingSink();

    @BeforeAll
    static void parseFixtures() throws IOException {
        new GhsaFeed().parse(TestData.fixtures(), SINK);
    }

    @Test
    void everyMappedPackageGivesAnAdvisoryAndTheTwoUnknownEcosystemsAreReported() {
        assertThat(SINK.advisories).hasSize(20);
        assertThat(SINK.advisories).allSatisfy(a -> assertThat(a.source()).isEqualTo("ghsa"));
        assertThat(SINK.skipped).extracting(RecordingSink.Skip::file).containsExactly(
                "ghsa/Go/GHSA-qppj-fm5r-hxr3.json", "ghsa/npm/GHSA-j8xg-fqg3-53r7.json");
        assertThat(SINK.skipped.get(0).reason()).contains("affected[0]", "purl-type:swift",
                "unsupported ecosystem", "entry skipped");
        assertThat(SINK.skipped.get(1).reason()).contains("affected[0]", "\"GitHub Actions\"", "word-wrap");
        assertThat(SINK.dataDate()).contains(Instant.parse("2024-10-09T01:07:53Z"));
    }

    @Test
    void theRestOfARecordWithAnUnknownEcosystemIsKept() {
        // GHSA-qppj-fm5r-hxr3: swift-nio-http2 is skipped, golang.org/x/net and three grpc branches are kept.
        assertThat(SINK.advisories("GHSA-qppj-fm5r-hxr3")).extracting(a -> a.pkg().asText())
                .containsExactly("golang golang.org/x/net", "golang google.golang.org/grpc");
        Advisory grpc = SINK.advisory("GHSA-qppj-fm5r-hxr3", "golang google.golang.org/grpc");
        assertThat(grpc.ranges()).hasSize(3)
                .allSatisfy(r -> assertThat(((AffectedRange.Events) r).type())
                        .isEqualTo(AffectedRange.RangeType.ECOSYSTEM));
        assertThat(grpc.fix()).isEqualTo(new FixState.Fixed(List.of("1.58.3", "1.57.1", "1.56.3")));
        assertThat(grpc.severity()).contains(Severity.MEDIUM);
        assertThat(grpc.aliases()).containsExactly("CVE-2023-44487");
        assertThat(grpc.cvss()).containsExactly(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L",
                Optional.empty(), "ghsa"));
    }

    @Test
    void log4ShellBranchesMergeIntoOneCriticalAdvisory() {
        Advisory log4j = SINK.advisory("GHSA-jfh8-c2jp-5v3q", "maven org.apache.logging.log4j:log4j-core");
        assertThat(SINK.advisories("GHSA-jfh8-c2jp-5v3q")).hasSize(1);
        assertThat(log4j.ranges()).hasSize(3);
        assertThat(log4j.fix()).isEqualTo(new FixState.Fixed(List.of("2.15.0", "2.3.1", "2.12.2")));
        assertThat(log4j.severity()).contains(Severity.CRITICAL);
        assertThat(log4j.aliases()).containsExactly("CVE-2021-44228");
        assertThat(log4j.title()).isEqualTo("Remote code injection in Log4j");
        assertThat(log4j.published()).isPresent();
    }

    @Test
    void multiEcosystemRecordsGiveOneAdvisoryPerEcosystemAndName() {
        assertThat(SINK.advisories("GHSA-8hfj-j24r-96c4")).extracting(a -> a.pkg().asText())
                .containsExactly("npm moment", "nuget moment.js");
        assertThat(SINK.advisories("GHSA-f2jv-r9rf-7988")).extracting(a -> a.pkg().asText()).containsExactly(
                "npm handlebars", "maven org.webjars:handlebars", "maven org.webjars.npm:handlebars",
                "maven org.webjars.bowergithub.wycats:handlebars.js");
    }

    @Test
    void lastAffectedBranchesAreNotFixedAndFixedBranchesAre() {
        assertThat(SINK.advisory("GHSA-29mw-wpgm-hmr9", "npm lodash").fix())
                .isEqualTo(new FixState.Fixed(List.of("4.17.21")));
        assertThat(SINK.advisory("GHSA-29mw-wpgm-hmr9", "npm lodash.trim").fix()).isEqualTo(new FixState.NotFixed());
    }

    @Test
    void labelWithoutVectorsAndBothCvssVersions() {
        Advisory netty = SINK.advisory("GHSA-6mjq-h674-j845", "maven io.netty:netty-handler");
        assertThat(netty.cvss()).isEmpty();
        assertThat(netty.severity()).contains(Severity.MEDIUM);
        assertThat(SINK.advisory("GHSA-8g4q-xg66-9fp4", "nuget system.text.json").cvss())
                .extracting(Cvss::version).containsExactly("3.1", "4.0");
        assertThat(SINK.advisory("GHSA-8xww-x3g3-6jcv", "gem actionpack").severity()).contains(Severity.LOW);
        assertThat(SINK.advisory("GHSA-9wv6-86v2-598j", "npm path-to-regexp").ranges()).hasSize(5);
    }

    @Test
    void archiveIsNotADefaultDownload() {
        assertThat(new GhsaFeed().downloads()).isEmpty();
        assertThat(GhsaFeed.withArchiveDownload().downloads()).singleElement().satisfies(d -> {
            assertThat(d.url()).hasToString(
                    "https://github.com/github/advisory-database/archive/refs/heads/main.zip");
            assertThat(d.target()).isEqualTo("ghsa");
            assertThat(d.unpack()).isEqualTo(Download.Unpack.ZIP);
        });
    }
}
