package dev.plimsoll.match.golang;

import static dev.plimsoll.match.support.Pkgs.TARGET;
import static dev.plimsoll.match.support.Pkgs.lang;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.MatchResult;
import dev.plimsoll.match.SchemeSource;
import dev.plimsoll.match.support.Adv;
import dev.plimsoll.match.support.Engines;
import dev.plimsoll.match.support.Fixtures;
import dev.plimsoll.match.support.InMemoryVulnDb;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go modules: SEMVER ranges, module paths, the standard library's toolchain versions. */
class GoMatchingTest {
    static final SchemeSource SCHEMES = SchemeSource.standard(); // the real schemes of plimsoll-version

    @Test
    void aModuleBelowTheFixMatchesTheGoRecordWithItsAliases() {
        // GO-2022-1059 (real, SEMVER, module golang.org/x/text) and GHSA-69ch-w2m2-3vjp (real, names the
        // *package* path golang.org/x/text/language, so a module lookup never reaches it: a known quirk of GHSA's
        // Go data).
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.osv("osv/Go/GO-2022-1059.json", "osv-go"))
                .add(Fixtures.osv("ghsa/Go/GHSA-69ch-w2m2-3vjp.json", "ghsa"));
        MatchResult r = Engines.engine(db, SCHEMES).match(List.of(lang(Ecosystem.GOLANG, "golang.org/x/text",
                "v0.3.7")), TARGET);
        assertThat(r.problems()).isEmpty();
        VulnerabilityFinding f = r.findings().getFirst();
        assertThat(r.findings()).hasSize(1);
        assertThat(f.ruleId().value()).isEqualTo("CVE-2022-32149");
        assertThat(f.aliases()).containsExactly("GHSA-69ch-w2m2-3vjp", "GO-2022-1059");
        assertThat(f.dataSources()).containsExactly("osv-go");
        assertThat(f.fixedVersions()).containsExactly("0.3.8");
        assertThat(f.severity()).isEqualTo(Severity.UNKNOWN); // Go's data rates nothing; no NVD facts here
        assertThat(f.severitySource()).isEqualTo("none");
        assertThat(f.pkg().purl()).isEqualTo("pkg:golang/golang.org/x/text@v0.3.7");

        assertThat(Engines.engine(db, SCHEMES).match(List.of(lang(Ecosystem.GOLANG, "golang.org/x/text",
                "v0.3.8")), TARGET).findings()).isEmpty();
        // module paths are case-sensitive
        assertThat(Engines.engine(db, SCHEMES).match(List.of(lang(Ecosystem.GOLANG, "golang.org/x/Text",
                "v0.3.7")), TARGET).findings()).isEmpty();
    }

    @Test
    void theStandardLibraryIsMatchedByItsToolchainVersion() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("GO-2023-1878",
                PackageKey.language(Ecosystem.GOLANG, "stdlib")).aliases("CVE-2023-29406").source("osv-go")
                .range(RangeType.SEMVER, "introduced", "0", "fixed", "1.19.11", "introduced", "1.20.0-0",
                        "fixed", "1.20.6").fixed("1.19.11", "1.20.6").build());
        MatchResult r = Engines.engine(db, SCHEMES).match(List.of(lang(Ecosystem.GOLANG, "stdlib", "go1.20.5"),
                lang(Ecosystem.GOLANG, "stdlib", "go1.20.6"), lang(Ecosystem.GOLANG, "stdlib", "go1.19.2")), TARGET);
        assertThat(r.findings()).extracting(f -> f.pkg().version() + " " + f.status() + " " + f.fixedVersions())
                .containsExactlyInAnyOrder("go1.20.5 FIXED [1.20.6]", "go1.19.2 FIXED [1.19.11, 1.20.6]");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FixStatus.FIXED));
    }

    @ParameterizedTest
    @CsvSource({
            "go1.21.3, v1.21.3",
            "go1.20, v1.20.0",
            "go1.9, v1.9.0",
            "go1.22rc1, v1.22.0-rc.1",
            "go1.21beta2, v1.21.0-beta.2",
            "go1.21.3 X:boringcrypto, v1.21.3",
            "v1.2.3, v1.2.3",
            "devel +abc, devel +abc"})
    void toolchainVersionsBecomeSemver(String toolchain, String semver) {
        assertThat(GoMatcher.toolchainVersion(toolchain)).isEqualTo(semver);
    }
}
