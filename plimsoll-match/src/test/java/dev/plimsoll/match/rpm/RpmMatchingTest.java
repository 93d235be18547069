package dev.plimsoll.match.rpm;

import static dev.plimsoll.match.support.Pkgs.TARGET;
import static dev.plimsoll.match.support.Pkgs.inventory;
import static dev.plimsoll.match.support.Pkgs.os;
import static dev.plimsoll.match.support.Pkgs.rpm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.MatchResult;
import dev.plimsoll.match.SchemeSource;
import dev.plimsoll.match.support.Adv;
import dev.plimsoll.match.support.Engines;
import dev.plimsoll.match.support.InMemoryVulnDb;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RHEL family: binary and source rpm names, the major release, one finding per vulnerability. */
class RpmMatchingTest {
    static final SchemeSource SCHEMES = SchemeSource.standard(); // the real schemes of plimsoll-version
    private static final PackageKey OPENSSL_LIBS = PackageKey.os(Ecosystem.RPM, "rocky:9", "openssl-libs");
    private static final PackageKey OPENSSL = PackageKey.os(Ecosystem.RPM, "rocky:9", "openssl");

    @Test
    void binaryAndSourceNamedRecordsOfOneCveMergeIntoOneDirectFinding() {
        // Red Hat's data names the binary rpm, Rocky's OSV names the source rpm; both fix CVE-2023-0286 in
        // 1:3.0.7-6.el9_2 (ids from RHSA-2023:3722 / RLSA-2023:3722, reduced to what the test needs).
        InMemoryVulnDb db = new InMemoryVulnDb().add(
                Adv.of("RHSA-2023:3722", OPENSSL_LIBS).aliases("CVE-2023-0286").source("redhat")
                        .fixed("1:3.0.7-6.el9_2").severity(Severity.HIGH).build(),
                Adv.of("RLSA-2023:3722", OPENSSL).aliases("CVE-2023-0286").source("rocky")
                        .range("introduced", "0", "fixed", "1:3.0.7-6.el9_2").fixed("1:3.0.7-6.el9_2").build());
        MatchResult r = Engines.engine(db, SCHEMES).match(inventory(os("rocky", "9.2"),
                rpm("openssl-libs", Optional.of(1), "3.0.7", "2.el9", "openssl-3.0.7-2.el9")), TARGET);

        assertThat(r.problems()).isEmpty();
        assertThat(r.findings()).hasSize(1);
        VulnerabilityFinding f = r.findings().getFirst();
        assertThat(f.ruleId().value()).isEqualTo("CVE-2023-0286");
        assertThat(f.aliases()).containsExactly("RHSA-2023:3722", "RLSA-2023:3722");
        assertThat(f.dataSources()).containsExactly("redhat", "rocky");
        assertThat(f.basis()).isEqualTo(MatchBasis.DIRECT);
        assertThat(f.status()).isEqualTo(FixStatus.FIXED);
        assertThat(f.fixedVersions()).containsExactly("1:3.0.7-6.el9_2");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.severitySource()).isEqualTo("redhat");
        assertThat(f.pkg().purl()).isEqualTo(
                "pkg:rpm/rocky/openssl-libs@3.0.7-2.el9?arch=x86_64&distro=rocky-9.2&epoch=1&upstream=openssl-3.0.7-2.el9.src.rpm");
    }

    @Test
    void aSourceOnlyRecordMatchesAsSourcePackage() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("RLSA-2023:3722", OPENSSL).aliases("CVE-2023-0286")
                .source("rocky").fixed("1:3.0.7-6.el9_2").build());
        MatchResult r = Engines.engine(db, SCHEMES).match(inventory(os("rocky", "9.2"),
                rpm("openssl-libs", Optional.of(1), "3.0.7", "2.el9", "openssl-3.0.7-2.el9")), TARGET);
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.basis())
                .isEqualTo(MatchBasis.SOURCE_PACKAGE));
    }

    @Test
    void otherMajorReleasesAndTheFixedBuildDoNotMatch() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("RLSA-2023:3722", OPENSSL).aliases("CVE-2023-0286")
                .source("rocky").fixed("1:3.0.7-6.el9_2").build());
        assertThat(Engines.engine(db, SCHEMES).match(inventory(os("rocky", "8.8"),
                rpm("openssl-libs", Optional.of(1), "3.0.7", "2.el9", "openssl-3.0.7-2.el9")), TARGET).findings())
                .isEmpty();
        assertThat(Engines.engine(db, SCHEMES).match(inventory(os("rocky", "9.3"),
                rpm("openssl-libs", Optional.of(1), "3.0.7", "6.el9_2", "openssl-3.0.7-6.el9_2")), TARGET).findings())
                .isEmpty();
    }
}
