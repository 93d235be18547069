package dev.plimsoll.match.apk;

import static dev.plimsoll.match.support.Pkgs.TARGET;
import static dev.plimsoll.match.support.Pkgs.apk;
import static dev.plimsoll.match.support.Pkgs.inventory;
import static dev.plimsoll.match.support.Pkgs.os;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.match.MatchResult;
import dev.plimsoll.match.SchemeSource;
import dev.plimsoll.match.support.Engines;
import dev.plimsoll.match.support.Fixtures;
import dev.plimsoll.match.support.InMemoryVulnDb;
import org.junit.jupiter.api.Test;

/** Alpine: the secdb names origins, per branch. Data: the real busybox entry of the v3.11 secdb. */
class AlpineMatchingTest {
    static final SchemeSource SCHEMES = SchemeSource.standard(); // the real schemes of plimsoll-version
    private final InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.alpineSecdb("alpine/v3.11/main-busybox.yaml"));

    private MatchResult match(Inventory inventory) {
        return Engines.engine(db, SCHEMES).match(inventory, TARGET);
    }

    @Test
    void subpackagesMatchTheirOriginsAdvisories() {
        // ssl_client is split from the busybox APKBUILD. CVE-2019-5747 is listed under 1.29.3-r10 and again under
        // 1.30.1-r2 (fixed, lost when 1.30 came, fixed again): 1.30.1-r1 is affected and 1.30.1-r2 fixes it.
        // CVE-2018-20679 (1.29.3-r10) and the 2017 CVEs (1.27.2-r4) are fixed below the installed version.
        MatchResult r = match(inventory(os("alpine", "3.11.6"), apk("ssl_client", "1.30.1-r1", "busybox"),
                apk("busybox", "1.30.1-r1", "busybox")));
        assertThat(r.problems()).isEmpty();
        assertThat(r.findings()).extracting(f -> f.pkg().name() + " " + f.ruleId() + " " + f.status() + " "
                + f.fixedVersions() + " " + f.basis()).containsExactly(
                "busybox CVE-2019-5747 FIXED [1.30.1-r2] DIRECT",
                "ssl_client CVE-2019-5747 FIXED [1.30.1-r2] SOURCE_PACKAGE");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.dataSources()).containsExactly("alpine"));
    }

    @Test
    void theFixedReleaseIsClean() {
        assertThat(match(inventory(os("alpine", "3.11.6"), apk("ssl_client", "1.30.1-r2", "busybox"))).findings())
                .isEmpty();
    }

    @Test
    void olderVersionsMatchEveryCveFixedAboveThem() {
        MatchResult r = match(inventory(os("alpine", "3.11.0"), apk("busybox", "1.27.2-r3", "busybox")));
        assertThat(r.findings()).extracting(f -> f.ruleId().value() + " " + f.fixedVersions()).containsExactly(
                "CVE-2017-15873 [1.27.2-r4]", "CVE-2017-15874 [1.27.2-r4]", "CVE-2017-16544 [1.27.2-r4]",
                "CVE-2018-20679 [1.29.3-r10]", "CVE-2019-5747 [1.30.1-r2]"); // read as below 1.30.1-r2, so 1.29.3-r10 is no fix
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FixStatus.FIXED));
    }

    @Test
    void anotherBranchsDataDoesNotApply() {
        assertThat(match(inventory(os("alpine", "3.12.0"), apk("busybox", "1.30.1-r1", "busybox"))).findings())
                .isEmpty();
    }

    @Test
    void theOriginNameIsUsedEvenWhenTheSubpackageHasAnAdvisoryOfItsOwnName() {
        // an advisory keyed "ssl_client" (no such origin) must not reach the subpackage
        InMemoryVulnDb own = new InMemoryVulnDb().add(dev.plimsoll.match.support.Adv.of("CVE-2099-7",
                dev.plimsoll.core.advisory.PackageKey.os(dev.plimsoll.core.inventory.Ecosystem.APK, "alpine:3.11",
                        "ssl_client")).fixed("9.9-r0").build());
        MatchResult r = Engines.engine(own, SCHEMES).match(inventory(os("alpine", "3.11.6"),
                apk("ssl_client", "1.30.1-r2", "busybox")), TARGET);
        assertThat(r.findings()).isEmpty();
        assertThat(r.findings()).noneMatch(f -> f.basis() == MatchBasis.DIRECT);
    }
}
