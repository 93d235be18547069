package dev.plimsoll.match;

import static dev.plimsoll.match.support.Pkgs.TARGET;
import static dev.plimsoll.match.support.Pkgs.deb;
import static dev.plimsoll.match.support.Pkgs.inventory;
import static dev.plimsoll.match.support.Pkgs.lang;
import static dev.plimsoll.match.support.Pkgs.layer;
import static dev.plimsoll.match.support.Pkgs.os;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.PackageURL;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.match.purl.PurlPackages;
import dev.plimsoll.match.support.Adv;
import dev.plimsoll.match.support.Engines;
import dev.plimsoll.match.support.Fixtures;
import dev.plimsoll.match.support.InMemoryVulnDb;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The engine's own duties: batching, ordering, locations, enrichment, SBOM candidates, problems. */
class MatchEngineTest {
    private static final SchemeSource SCHEMES = SchemeSource.standard(); // the real schemes of plimsoll-version
    private static final PackageKey ZLIB = PackageKey.os(Ecosystem.DEB, "debian:12", "zlib");
    private static final PackageKey OPENSSL = PackageKey.os(Ecosystem.DEB, "debian:12", "openssl");

    @Test
    void oneBatchLookupForTheWholeInventoryAndOneFactsLookupPerCve() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(
                Adv.of("CVE-2023-45853", ZLIB).fixed("1:1.2.13.dfsg-2").build(),
                Adv.of("CVE-2023-5678", OPENSSL).fixed("3.0.13-1~deb12u1").build());
        var result = Engines.engine(db, SCHEMES).match(inventory(os("debian", "12"),
                deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1"),
                deb("libssl3", "3.0.11-1~deb12u2", "openssl", "3.0.11-1~deb12u2"),
                deb("openssl", "3.0.11-1~deb12u2", "openssl", "3.0.11-1~deb12u2"),
                deb("bash", "5.2.15-2+b2", "bash", "5.2.15-2")), TARGET);
        assertThat(result.findings()).hasSize(3);
        assertThat(db.findAllCalls).isEqualTo(1);
        assertThat(db.findCalls).isZero();
        assertThat(db.factLookups).containsExactlyInAnyOrder("CVE-2023-45853", "CVE-2023-5678");
    }

    @Test
    void findingsAreSortedBySeverityThenIdThenPackage() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(
                Adv.of("CVE-2023-0001", ZLIB).fixed("9").severity(Severity.LOW).build(),
                Adv.of("CVE-2023-0003", OPENSSL).fixed("9").severity(Severity.CRITICAL).build(),
                Adv.of("CVE-2023-0002", OPENSSL).fixed("9").severity(Severity.CRITICAL).build(),
                Adv.of("CVE-2023-0004", OPENSSL).fixed("9").build());
        var result = Engines.engine(db, SCHEMES).match(inventory(os("debian", "12"),
                deb("zlib1g", "1", "zlib", "1"), deb("openssl", "1", "openssl", "1"),
                deb("libssl3", "1", "openssl", "1")), TARGET);
        assertThat(result.findings()).extracting(f -> f.severity() + " " + f.ruleId() + " " + f.pkg().name())
                .containsExactly("CRITICAL CVE-2023-0002 libssl3", "CRITICAL CVE-2023-0002 openssl",
                        "CRITICAL CVE-2023-0003 libssl3", "CRITICAL CVE-2023-0003 openssl",
                        "LOW CVE-2023-0001 zlib1g", "UNKNOWN CVE-2023-0004 libssl3", "UNKNOWN CVE-2023-0004 openssl");
    }

    @Test
    void theLocationCarriesTheLayerThatIntroducedThePackage() {
        // dpkg's status file was last written by layer 3, but this version of zlib1g came in layer 1
        Package zlib = new Package("zlib1g", "1:1.2.13.dfsg-1", Ecosystem.DEB,
                Optional.of(new SourcePackage("zlib", "1:1.2.13.dfsg-1")), List.of(),
                List.of(Location.of("var/lib/dpkg/status", layer(3))), Optional.of(layer(1)), AnalyzerId.of("os/dpkg"),
                new PackageMetadata.Dpkg("amd64", Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of(),
                        List.of()));
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("CVE-2023-45853", ZLIB).fixed("1:1.2.13.dfsg-2").build());
        VulnerabilityFinding f = Engines.engine(db, SCHEMES).match(inventory(os("debian", "12"), zlib), TARGET)
                .findings().getFirst();
        assertThat(f.location()).contains(Location.of("var/lib/dpkg/status", layer(1)));
        assertThat(f.target()).isEqualTo(TARGET);
    }

    @Test
    void knownExploitedAndEpssComeFromTheCveFacts() {
        // GHSA-jfh8-c2jp-5v3q (real, Log4Shell) and KEV's real entry for CVE-2021-44228; the EPSS value is made up
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.osv("ghsa/Maven/GHSA-jfh8-c2jp-5v3q.json", "ghsa"))
                .facts(Fixtures.kev("kev/known_exploited_vulnerabilities-CVE-2021-44228.json", "CVE-2021-44228",
                        0.97));
        var result = Engines.engine(db, SCHEMES).match(List.of(lang(Ecosystem.MAVEN,
                "org.apache.logging.log4j:log4j-core", "2.14.1")), TARGET);
        VulnerabilityFinding f = result.findings().getFirst();
        assertThat(result.findings()).hasSize(1);
        assertThat(f.ruleId().value()).isEqualTo("CVE-2021-44228");
        assertThat(f.knownExploited()).isTrue();
        assertThat(f.epss()).isEqualTo(OptionalDouble.of(0.97));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.status()).isEqualTo(FixStatus.FIXED);
        assertThat(f.fixedVersion()).contains("2.15.0"); // the 2.x branch's fix first
    }

    @Test
    void sbomPurlsAreMatchedWithTheSbomBasis() throws Exception {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.dsa("debian/DSA-5343-1.list"));
        Candidate fromSbom = PurlPackages.candidate(new PackageURL(
                "pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11.6&upstream=openssl"),
                Optional.of(Location.of("sbom.spdx.json")));
        var result = Engines.engine(db, SCHEMES).match(List.of(fromSbom), TARGET);
        assertThat(result.findings()).hasSize(5);
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.basis()).isEqualTo(MatchBasis.SBOM);
            assertThat(f.location()).contains(Location.of("sbom.spdx.json"));
            assertThat(f.pkg().purl()).isEqualTo(
                    "pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11.6&upstream=openssl");
        });
    }

    @Test
    void theStandardEngineIsBuiltFromTheDatabaseAlone() {
        InMemoryVulnDb db = new InMemoryVulnDb();
        var result = new MatchEngine(db).match(inventory(os("debian", "12"), deb("bash", "5.2.15-2+b2", "bash",
                "5.2.15-2")), TARGET);
        assertThat(result.findings()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
