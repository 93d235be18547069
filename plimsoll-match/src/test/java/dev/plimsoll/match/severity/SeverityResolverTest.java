package dev.plimsoll.match.severity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.support.Adv;
import dev.plimsoll.match.support.Fixtures;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The order of severity sources: vendor, feed vectors (newest CVSS first), NVD, CVSS 2.0, unknown. */
class SeverityResolverTest {
    private static final PackageKey NPM = PackageKey.language(Ecosystem.NPM, "express");
    private static final PackageKey DEB = PackageKey.os(Ecosystem.DEB, "debian:12", "openssl");
    private final SeverityResolver resolver = new SeverityResolver();

    private Rating rate(boolean os, Optional<CveFacts> facts, Advisory... ranked) {
        return resolver.rate(List.of(ranked), os, facts);
    }

    @Test
    void ghsaDatabaseSeverityForLanguagePackages() {
        // GHSA-rv95-896h-c2vc (real): MODERATE by GitHub, vector scores 6.1 (also medium)
        List<Advisory> express = Fixtures.osv("ghsa/npm/GHSA-rv95-896h-c2vc.json", "ghsa");
        Rating r = rate(false, Optional.empty(), express.getFirst());
        assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(r.source()).isEqualTo("ghsa");
        assertThat(r.cvss()).extracting(Cvss::vector).containsExactly("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N");
    }

    @Test
    void ghsaComesBeforeOtherFeedsRatings() {
        Rating r = rate(false, Optional.empty(), Adv.of("RUSTSEC-1", NPM).source("rustsec").severity(Severity.LOW)
                .build(), Adv.of("GHSA-x", NPM).source("ghsa").severity(Severity.CRITICAL).build());
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.source()).isEqualTo("ghsa");
        Rating other = rate(false, Optional.empty(), Adv.of("RUBYSEC-1", NPM).source("rubysec")
                .severity(Severity.LOW).build());
        assertThat(other.source()).isEqualTo("rubysec");
    }

    @Test
    void osPackagesTakeTheDistributionsRatingOnly() {
        Rating r = rate(true, Optional.empty(), Adv.of("CVE-1", DEB).source("debian").severity(Severity.LOW)
                .cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "nvd").build());
        assertThat(r.severity()).isEqualTo(Severity.LOW);
        assertThat(r.source()).isEqualTo("debian");
    }

    @Test
    void anUnknownVendorRatingFallsThroughToTheVector() {
        Rating r = rate(true, Optional.empty(), Adv.of("CVE-1", DEB).source("debian").severity(Severity.UNKNOWN)
                .cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "debian").build());
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.source()).isEqualTo("cvss-3.1");
    }

    @Test
    void theNewestCvssVersionWins() {
        Rating r = rate(false, Optional.empty(), Adv.of("OSV-1", NPM).source("osv")
                .cvss("3.1", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L", "osv")
                .cvss("4.0", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "osv").build());
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.source()).isEqualTo("cvss-4.0");
        assertThat(r.cvss().getFirst().version()).isEqualTo("4.0");
        assertThat(r.cvss()).hasSize(2);
    }

    @Test
    void nvdWhenTheFeedsGiveNothing() {
        // NVD's record of CVE-2022-42889 (real): 9.8
        Rating r = rate(false, Optional.of(Fixtures.nvd("nvd/CVE-2022-42889.json")),
                Adv.of("OSV-2", NPM).source("osv").build());
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.source()).isEqualTo("nvd");
        assertThat(r.cvss()).extracting(Cvss::source).containsExactly("nvd");
    }

    @Test
    void cvss2OnlyAfterNvdAndUnknownLast() {
        Advisory v2 = Adv.of("OSV-3", NPM).cvss("2.0", "AV:N/AC:L/Au:N/C:P/I:P/A:P", "osv").build();
        assertThat(rate(false, Optional.empty(), v2)).extracting(Rating::severity, Rating::source)
                .containsExactly(Severity.HIGH, "cvss-2.0");
        CveFacts nvd = new CveFacts("CVE-3", false, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                List.of(new Cvss("3.1", "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", Optional.empty(), "nvd")),
                Optional.empty());
        assertThat(rate(false, Optional.of(nvd), v2)).extracting(Rating::severity, Rating::source)
                .containsExactly(Severity.LOW, "nvd");
        assertThat(rate(false, Optional.empty(), Adv.of("OSV-4", NPM).build()))
                .extracting(Rating::severity, Rating::source).containsExactly(Severity.UNKNOWN, "none");
    }

    @Test
    void anInvalidVectorIsReportedAndSkipped() {
        Rating r = rate(false, Optional.empty(), Adv.of("OSV-5", NPM)
                .cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:X", "osv")
                .cvss("3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "osv").build());
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.source()).isEqualTo("cvss-3.0");
        assertThat(r.problems()).singleElement().asString().contains("A:X");
    }
}
