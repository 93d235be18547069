package dev.plimsoll.match.deb;

import static dev.plimsoll.match.support.Pkgs.TARGET;
import static dev.plimsoll.match.support.Pkgs.deb;
import static dev.plimsoll.match.support.Pkgs.inventory;
import static dev.plimsoll.match.support.Pkgs.os;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.match.MatchResult;
import dev.plimsoll.match.SchemeSource;
import dev.plimsoll.match.support.Adv;
import dev.plimsoll.match.support.Engines;
import dev.plimsoll.match.support.Fixtures;
import dev.plimsoll.match.support.InMemoryVulnDb;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Debian and Ubuntu: source-package keys, source versions, release scoping, distribution statements. */
class DebianMatchingTest {
    static final SchemeSource SCHEMES = SchemeSource.standard(); // the real schemes of plimsoll-version
    private static final PackageKey OPENSSL_11 = PackageKey.os(Ecosystem.DEB, "debian:11", "openssl");

    private static MatchResult match(InMemoryVulnDb db, Inventory inventory) {
        return Engines.engine(db, SCHEMES).match(inventory, TARGET);
    }

    @Test
    void bullseyeOpensslBelowTheDsaFixIsFixedOncePerCveAndPackage() {
        // DSA-5343-1 (real): openssl in bullseye fixed in 1.1.1n-0+deb11u4, five CVEs.
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.dsa("debian/DSA-5343-1.list"));
        MatchResult r = match(db, inventory(os("debian", "11"),
                deb("libssl1.1", "1.1.1n-0+deb11u3", "openssl", "1.1.1n-0+deb11u3"),
                deb("openssl", "1.1.1n-0+deb11u3", "openssl", "1.1.1n-0+deb11u3")));

        assertThat(r.problems()).isEmpty();
        assertThat(r.findings()).hasSize(10);
        assertThat(r.findings()).extracting(f -> f.ruleId().value()).containsOnly("CVE-2022-2097",
                "CVE-2022-4304", "CVE-2022-4450", "CVE-2023-0215", "CVE-2023-0286");
        for (VulnerabilityFinding f : r.findings()) {
            assertThat(f.status()).isEqualTo(FixStatus.FIXED);
            assertThat(f.fixedVersions()).containsExactly("1.1.1n-0+deb11u4");
            assertThat(f.aliases()).containsExactly("DSA-5343-1"); // the bulletin, not its other CVEs
            assertThat(f.dataSources()).containsExactly("debian-dsa");
            assertThat(f.title()).isEqualTo("openssl - security update");
            assertThat(f.basis()).isEqualTo(f.pkg().name().equals("openssl") ? MatchBasis.DIRECT
                    : MatchBasis.SOURCE_PACKAGE);
            assertThat(f.pkg().version()).isEqualTo("1.1.1n-0+deb11u3");
            assertThat(f.pkg().purl()).startsWith("pkg:deb/debian/" + f.pkg().name() + "@1.1.1n-0%2Bdeb11u3");
        }
    }

    @Test
    void theFixedVersionItselfIsNotAffected() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.dsa("debian/DSA-5343-1.list"));
        MatchResult r = match(db, inventory(os("debian", "11"),
                deb("libssl1.1", "1.1.1n-0+deb11u4", "openssl", "1.1.1n-0+deb11u4")));
        assertThat(r.findings()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void theSameCveInBookwormIsNotMatchedByBullseyeData() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.dsa("debian/DSA-5343-1.list"));
        MatchResult r = match(db, inventory(os("debian", "12"),
                deb("libssl3", "3.0.8-1", "openssl", "3.0.8-1"),
                deb("openssl", "1.1.1n-0+deb11u3", "openssl", "1.1.1n-0+deb11u3")));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void theSourceVersionIsComparedNotTheBinaryOne() throws Exception {
        // util-linux 2.38.1-5 builds bsdutils 1:2.38.1-5+b1 (own epoch, binNMU). The tracker fixes
        // CVE-2024-28085 in bookworm with util-linux 2.38.1-5+deb12u1. By the binary version (epoch 1) bsdutils
        // would look fixed; by its source version it is not.
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("CVE-2024-28085",
                PackageKey.os(Ecosystem.DEB, "debian:12", "util-linux")).source("debian").fixed("2.38.1-5+deb12u1")
                .build());
        MatchResult r = match(db, inventory(os("debian", "12.5"),
                deb("bsdutils", "1:2.38.1-5+b1", "util-linux", "2.38.1-5")));

        VulnerabilityFinding f = single(r);
        assertThat(f.status()).isEqualTo(FixStatus.FIXED);
        assertThat(f.fixedVersions()).containsExactly("2.38.1-5+deb12u1");
        assertThat(f.basis()).isEqualTo(MatchBasis.SOURCE_PACKAGE);
        assertThat(f.pkg().version()).isEqualTo("1:2.38.1-5+b1"); // reported as installed
        // what comparing the binary version would have concluded:
        var dpkg = dev.plimsoll.version.Schemes.of(Ecosystem.DEB).orElseThrow();
        assertThat(dpkg.parse("1:2.38.1-5+b1").compareTo(dpkg.parse("2.38.1-5+deb12u1"))).isPositive();
    }

    @Test
    void aBinaryNamedLikeAnotherSourcePackageDoesNotMatchThatSourcesAdvisory() {
        // Names made up to isolate the rule: binary "libfoo" is built from source "foo"; an advisory exists for a
        // different source package that happens to be called "libfoo".
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("CVE-2099-0001",
                PackageKey.os(Ecosystem.DEB, "debian:12", "libfoo")).fixed("9.9-1").build());
        MatchResult r = match(db, inventory(os("debian", "12"), deb("libfoo", "1.0-1", "foo", "1.0-1")));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aPackageWithoutSourceIsItsOwnSource() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("CVE-2099-0002",
                PackageKey.os(Ecosystem.DEB, "debian:12", "zlib")).fixed("1:1.2.13.dfsg-2").build());
        var zlib = deb("zlib", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1");
        var noSource = new dev.plimsoll.core.inventory.Package(zlib.name(), zlib.version(), zlib.ecosystem(),
                Optional.empty(), List.of(), zlib.locations(), zlib.introducedIn(), zlib.foundBy(), zlib.metadata());
        VulnerabilityFinding f = single(match(db, inventory(os("debian", "12"), noSource)));
        assertThat(f.basis()).isEqualTo(MatchBasis.DIRECT);
        assertThat(f.fixedVersions()).containsExactly("1:1.2.13.dfsg-2");
    }

    @Test
    void ubuntuIsKeyedByItsYearMonthRelease() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("USN-5328-1",
                PackageKey.os(Ecosystem.DEB, "ubuntu:20.04", "openssl")).aliases("CVE-2022-0778").source("ubuntu")
                .fixed("1.1.1f-1ubuntu2.12").severity(Severity.HIGH).build());
        MatchResult focal = match(db, inventory(os("ubuntu", "20.04"),
                deb("libssl1.1", "1.1.1f-1ubuntu2.11", "openssl", "1.1.1f-1ubuntu2.11")));
        VulnerabilityFinding f = single(focal);
        assertThat(f.ruleId().value()).isEqualTo("CVE-2022-0778");
        assertThat(f.aliases()).containsExactly("USN-5328-1");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.severitySource()).isEqualTo("ubuntu");

        MatchResult jammy = match(db, inventory(os("ubuntu", "22.04"),
                deb("libssl3", "3.0.2-0ubuntu1", "openssl", "3.0.2-0ubuntu1")));
        assertThat(jammy.findings()).isEmpty();
    }

    @Test
    void theDistributionsNotAffectedStatementOverrulesOtherFeeds() {
        // CVE-2024-3094 (the xz backdoor): the Debian tracker says bookworm's xz-utils never had the malicious
        // code. Another feed's record for the same key claims it (made up for the test).
        PackageKey xz = PackageKey.os(Ecosystem.DEB, "debian:12", "xz-utils");
        var claim = Adv.of("DEBIAN-CVE-2024-3094", xz).aliases("CVE-2024-3094").source("osv-debian")
                .range("introduced", "0", "fixed", "5.6.1+really5.4.5-1").fixed("5.6.1+really5.4.5-1").build();
        var statement = Adv.of("CVE-2024-3094", xz).source("debian")
                .fix(new FixState.NotAffected("vulnerable code not present")).build();
        Inventory image = inventory(os("debian", "12"), deb("liblzma5", "5.4.1-0.2", "xz-utils", "5.4.1-0.2"));

        assertThat(match(new InMemoryVulnDb().add(claim), image).findings()).hasSize(1);
        assertThat(match(new InMemoryVulnDb().add(claim, statement), image).findings()).isEmpty();
    }

    @Test
    void wontFixReasonsAreKeptAndEndOfLifeIsItsOwnStatus() {
        PackageKey key = PackageKey.os(Ecosystem.DEB, "debian:11", "tiff");
        InMemoryVulnDb db = new InMemoryVulnDb().add(
                Adv.of("CVE-2023-1001", key).source("debian").fix(new FixState.WontFix("no-dsa")).build(),
                Adv.of("CVE-2023-1002", key).source("debian").fix(new FixState.WontFix("end-of-life")).build(),
                Adv.of("CVE-2023-1003", key).source("debian").fix(new FixState.NotFixed()).build());
        MatchResult r = match(db, inventory(os("debian", "11"), deb("libtiff5", "4.2.0-1+deb11u4", "tiff",
                "4.2.0-1+deb11u4")));
        assertThat(r.findings()).extracting(f -> f.ruleId().value() + " " + f.status() + " " + f.statusReason())
                .containsExactly("CVE-2023-1001 WONT_FIX no-dsa", "CVE-2023-1002 END_OF_LIFE end-of-life",
                        "CVE-2023-1003 NOT_FIXED ");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.fixedVersions()).isEmpty());
    }

    @Test
    void theDistributionsSeverityWinsOverCvss() {
        // Debian rates a CVE low when the vulnerable code is not built; NVD's 9.8 does not apply to its package.
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("CVE-2019-15052", OPENSSL_11).source("debian")
                .fixed("1.1.1n-0+deb11u9").severity(Severity.LOW)
                .cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "nvd").build());
        VulnerabilityFinding f = single(match(db, inventory(os("debian", "11"),
                deb("openssl", "1.1.1n-0+deb11u3", "openssl", "1.1.1n-0+deb11u3"))));
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.severitySource()).isEqualTo("debian");
        assertThat(f.cvss()).hasSize(1);
    }

    @Test
    void withdrawnAdvisoriesNeverMatch() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("DLA-9999-1", OPENSSL_11).aliases("CVE-2099-1")
                .fixed("9.9").withdrawn().build());
        assertThat(match(db, inventory(os("debian", "11"), deb("openssl", "1.0", "openssl", "1.0"))).findings())
                .isEmpty();
        // the withdrawal also wins over an older copy of the same record from the same feed
        InMemoryVulnDb both = new InMemoryVulnDb().add(
                Adv.of("DLA-9999-1", OPENSSL_11).aliases("CVE-2099-1").fixed("9.9").build(),
                Adv.of("DLA-9999-1", OPENSSL_11).aliases("CVE-2099-1").fixed("9.9").withdrawn().build());
        assertThat(match(both, inventory(os("debian", "11"), deb("openssl", "1.0", "openssl", "1.0"))).findings())
                .isEmpty();
        // another feed's record of the same CVE still counts
        InMemoryVulnDb other = new InMemoryVulnDb().add(
                Adv.of("DLA-9999-1", OPENSSL_11).aliases("CVE-2099-1").fixed("9.9").withdrawn().build(),
                Adv.of("CVE-2099-1", OPENSSL_11).source("debian").fixed("9.9").build());
        assertThat(match(other, inventory(os("debian", "11"), deb("openssl", "1.0", "openssl", "1.0"))).findings())
                .singleElement().satisfies(f -> assertThat(f.aliases()).isEmpty());
    }

    @Test
    void withoutAnOsReleaseDebianPackagesAreReportedNotMatched() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.dsa("debian/DSA-5343-1.list"));
        Inventory noOs = new Inventory(TARGET, Optional.empty(), Optional.<OsRelease>empty(),
                List.of(deb("openssl", "1.1.1n-0+deb11u3", "openssl", "1.1.1n-0+deb11u3"),
                        deb("libssl1.1", "1.1.1n-0+deb11u3", "openssl", "1.1.1n-0+deb11u3")), List.of());
        MatchResult r = Engines.engine(db, SCHEMES).match(noOs, TARGET);
        assertThat(r.findings()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.UNSUPPORTED);
            assertThat(p.message()).startsWith("2 package(s) not matched (openssl, libssl1.1)").contains("os-release");
        });
    }

    private static VulnerabilityFinding single(MatchResult r) {
        assertThat(r.problems()).isEmpty();
        assertThat(r.findings()).hasSize(1);
        return r.findings().getFirst();
    }
}
