package dev.plimsoll.vulndb.build.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OSV feed over the real records in src/test/resources/vulndata/osv (see the README there). */
class OsvFeedTest {
    private static final RecordingSink SINK = new RecordingSink();

    @BeforeAll
    static void parseFixtures() throws IOException {
        new OsvFeed().parse(TestData.fixtures(), SINK);
    }

    @Test
    void everyFixtureRecordGivesOneAdvisoryPerPackageAndNothingIsSkipped() {
        // 15 records; GO-2026-4524 names 4 modules in 7 entries, USN-5192-1 two releases, USN-5328-1 three packages.
        assertThat(SINK.skipped).isEmpty();
        assertThat(SINK.advisories).hasSize(21);
        assertThat(SINK.advisories).allSatisfy(a -> assertThat(a.source()).isEqualTo("osv"));
        assertThat(SINK.advisories.stream().map(Advisory::id).distinct()).hasSize(15);
    }

    @Test
    void dataDateIsTheNewestModifiedDate() {
        assertThat(SINK.dataDate()).contains(Instant.parse("2026-07-31T16:37:42Z"));
    }

    @Test
    void withdrawnRecordWithoutRangesIsKeptAsWithdrawn() {
        Advisory loguru = SINK.advisory("PYSEC-2022-15", "pypi loguru");
        assertThat(loguru.withdrawn()).isTrue();
        assertThat(loguru.ranges()).isEmpty();
        assertThat(loguru.versions()).isEmpty();
        assertThat(loguru.aliases()).containsExactlyInAnyOrder("CVE-2022-0329", "GHSA-cvp7-c586-cmf4");
        assertThat(loguru.title()).isEqualTo("This CVE has been rejected as it was incorrectly assigned.");
        assertThat(SINK.advisory("GO-2022-0617", "golang k8s.io/kubernetes").withdrawn()).isTrue();
        assertThat(SINK.advisory("RUSTSEC-2020-0053", "cargo dirs").withdrawn()).isTrue();
        assertThat(SINK.advisory("GO-2026-5856", "golang stdlib").withdrawn()).isFalse();
    }

    @Test
    void lastAffectedIsKeptAndMeansNoFix() {
        Advisory py = SINK.advisory("PYSEC-2022-42969", "pypi py");
        assertThat(py.ranges()).containsExactly(new AffectedRange.Events(RangeType.ECOSYSTEM, List.of(
                new Event(EventKind.INTRODUCED, "0"), new Event(EventKind.LAST_AFFECTED, "1.11.0"))));
        assertThat(py.fix()).isEqualTo(new FixState.NotFixed());
    }

    @Test
    void gitRangesAreDroppedAndTheVersionsListKept() {
        Advisory zope = SINK.advisory("PYSEC-2021-368", "pypi zope");
        assertThat(zope.ranges()).containsExactly(new AffectedRange.Events(RangeType.ECOSYSTEM, List.of(
                new Event(EventKind.INTRODUCED, "4.0"), new Event(EventKind.FIXED, "4.6.3"),
                new Event(EventKind.INTRODUCED, "5.0"), new Event(EventKind.FIXED, "5.3"))));
        assertThat(zope.versions()).hasSize(28).startsWith("4.0", "4.1").endsWith("5.2.1");
        // The GIT range's fixed commit is not a version.
        assertThat(zope.fix()).isEqualTo(new FixState.Fixed(List.of("4.6.3", "5.3")));
    }

    @Test
    void entriesNamingOneModuleAreMergedIntoOneAdvisory() {
        Advisory mattermost = SINK.advisory("GO-2026-4524", "golang github.com/mattermost/mattermost-server");
        assertThat(mattermost.ranges()).extracting(r -> ((AffectedRange.Events) r).events().getFirst().version())
                .containsExactly("0", "10.11.0+incompatible", "11.1.0+incompatible", "11.2.0+incompatible");
        assertThat(mattermost.fix()).isEqualTo(new FixState.NotFixed());
        assertThat(SINK.advisories("GO-2026-4524")).extracting(a -> a.pkg().name()).containsExactly(
                "github.com/mattermost/mattermost-server", "github.com/mattermost/mattermost-server/v5",
                "github.com/mattermost/mattermost-server/v6", "github.com/mattermost/mattermost/server/v8");
        assertThat(SINK.advisory("GO-2026-4524", "golang github.com/mattermost/mattermost/server/v8").fix())
                .isEqualTo(new FixState.Fixed(List.of("8.0.0-20251210191531-cd17b61de41b")));
    }

    @Test
    void goStdlibWithThreeBranchesAndNoDatesFromGoZeroTime() {
        Advisory stdlib = SINK.advisory("GO-2026-5856", "golang stdlib");
        assertThat(stdlib.fix()).isEqualTo(new FixState.Fixed(List.of("1.25.12", "1.26.5", "1.27.0-rc.2")));
        assertThat(stdlib.ranges()).singleElement()
                .satisfies(r -> assertThat(((AffectedRange.Events) r).type()).isEqualTo(RangeType.SEMVER));
        assertThat(stdlib.published()).isEmpty();
        assertThat(stdlib.modified()).isEmpty();
        assertThat(stdlib.severity()).isEmpty();
        assertThat(stdlib.cvss()).isEmpty();
        assertThat(stdlib.title()).isEqualTo("Invoking Encrypted Client Hello privacy leak in crypto/tls");
    }

    @Test
    void cvssVectorsOfEachVersionAreKeptWithTheirScorer() {
        assertThat(SINK.advisory("PYSEC-2017-105", "pypi apache-atlas").cvss()).containsExactly(new Cvss("3.0",
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", Optional.empty(), "pypa"));
        assertThat(SINK.advisory("RUSTSEC-2023-0090", "cargo wasmtime").cvss()).containsExactly(new Cvss("3.1",
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", Optional.empty(), "rustsec"));
        assertThat(SINK.advisory("RUSTSEC-2026-0223", "cargo wasmtime").cvss()).containsExactly(new Cvss("4.0",
                "CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:P/VC:N/VI:L/VA:L/SC:N/SI:N/SA:N", Optional.empty(), "rustsec"));
    }

    @Test
    void maliciousCrateWithEmptyVersionsListIsEveryVersionFromZero() {
        Advisory crate = SINK.advisory("RUSTSEC-2025-0156", "cargo tree-sitter-pkl");
        assertThat(crate.ranges()).containsExactly(new AffectedRange.Events(RangeType.SEMVER,
                List.of(new Event(EventKind.INTRODUCED, "0.0.0-0"))));
        assertThat(crate.versions()).isEmpty();
        assertThat(crate.references()).contains(URI.create("https://crates.io/crates/tree-sitter-pkl"));
    }

    @Test
    void ubuntuNoticesAreKeyedBySourcePackageAndReleaseWithCvesMapSeverity() {
        assertThat(SINK.advisories("USN-5328-1")).extracting(a -> a.pkg().asText()).containsExactly(
                "deb ubuntu:18.04 openssl", "deb ubuntu:18.04 openssl1.0", "deb ubuntu:20.04 openssl");
        Advisory openssl = SINK.advisory("USN-5328-1", "deb ubuntu:20.04 openssl");
        assertThat(openssl.aliases()).containsExactlyInAnyOrder("UBUNTU-CVE-2022-0778", "CVE-2022-0778");
        assertThat(openssl.severity()).contains(Severity.HIGH);
        assertThat(openssl.cvss()).containsExactly(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                Optional.empty(), "ubuntu"));
        assertThat(openssl.fix()).isEqualTo(new FixState.Fixed(List.of("1.1.1f-1ubuntu2.12")));
        assertThat(openssl.versions()).hasSize(14);
        assertThat(openssl.modified()).contains(Instant.parse("2026-04-27T14:11:27Z"));

        // The log4j notices carry no cves_map: no severity, aliases from upstream only.
        Advisory log4j = SINK.advisory("USN-5197-1", "deb ubuntu:20.04 apache-log4j2");
        assertThat(log4j.aliases()).containsExactlyInAnyOrder("UBUNTU-CVE-2021-44228", "UBUNTU-CVE-2021-45046");
        assertThat(log4j.severity()).isEmpty();
    }

    @Test
    void downloadsOneArchivePerEcosystemWithEncodedUrls() {
        List<Download> downloads = new OsvFeed().downloads();
        assertThat(downloads).hasSize(OsvFeed.DEFAULT_ECOSYSTEMS.size());
        assertThat(downloads).allSatisfy(d -> assertThat(d.unpack()).isEqualTo(Download.Unpack.ZIP));
        Download rocky = downloads.stream().filter(d -> d.key().equals("osv.Rocky-Linux")).findFirst().orElseThrow();
        assertThat(rocky.url()).hasToString(
                "https://osv-vulnerabilities.storage.googleapis.com/Rocky%20Linux/all.zip");
        assertThat(rocky.target()).isEqualTo("osv/Rocky Linux");
        assertThat(new OsvFeed(List.of("PyPI")).downloads()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("osv.PyPI");
            assertThat(d.url()).hasToString("https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip");
        });
    }

    @Test
    void presentOnlyWithAnOsvDirectory() {
        assertThat(new OsvFeed().present(TestData.fixtures())).isTrue();
        assertThat(new OsvFeed().present(TestData.fixtures().resolve("nvd"))).isFalse();
    }
}
