package dev.plimsoll.match.lang;

import static dev.plimsoll.match.support.Pkgs.TARGET;
import static dev.plimsoll.match.support.Pkgs.lang;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.MatchResult;
import dev.plimsoll.match.SchemeSource;
import dev.plimsoll.match.support.Adv;
import dev.plimsoll.match.support.Engines;
import dev.plimsoll.match.support.Fixtures;
import dev.plimsoll.match.support.InMemoryVulnDb;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PyPI, Maven and the other language ecosystems: normalised names, alias merging, GHSA severities. */
class LanguageMatchingTest {
    static final SchemeSource SCHEMES = SchemeSource.standard(); // the real schemes of plimsoll-version

    /** The real PYSEC and GHSA records of CVE-2018-18074, and a CVE-named record of it (made up). */
    private static InMemoryVulnDb requestsTrio() {
        return new InMemoryVulnDb()
                .add(Fixtures.osv("osv/PyPI/PYSEC-2018-28.json", "osv-pypi"))
                .add(Fixtures.osv("ghsa/PyPI/GHSA-x84v-xcm2-53pg.json", "ghsa"))
                .add(Adv.of("CVE-2018-18074", PackageKey.language(Ecosystem.PYPI, "requests")).source("nvd-cpe")
                        .range("introduced", "0", "fixed", "2.20.0").fixed("2.20.0")
                        .cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "nvd").build());
    }

    private static MatchResult match(InMemoryVulnDb db, Candidate... candidates) {
        return Engines.engine(db, SCHEMES).match(List.of(candidates), TARGET);
    }

    @Test
    void ghsaPysecAndCveRecordsOfOneVulnerabilityAreOneFinding() {
        MatchResult r = match(requestsTrio(), lang(Ecosystem.PYPI, "Requests", "2.19.1"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.findings()).hasSize(1);
        VulnerabilityFinding f = r.findings().getFirst();
        assertThat(f.ruleId().value()).isEqualTo("CVE-2018-18074");
        assertThat(f.aliases()).containsExactly("GHSA-x84v-xcm2-53pg", "PYSEC-2018-28");
        assertThat(f.dataSources()).containsExactly("ghsa", "nvd-cpe", "osv-pypi");
        assertThat(f.status()).isEqualTo(FixStatus.FIXED);
        assertThat(f.fixedVersions()).containsExactly("2.20.0");
        // GitHub's reviewed rating (database_specific.severity HIGH), not the vector's 7.5 (also HIGH) nor a guess
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.severitySource()).isEqualTo("ghsa");
        assertThat(f.title()).isEqualTo("Moderate severity vulnerability that affects requests");
        assertThat(f.cvss()).extracting(c -> c.vector()).containsExactly(
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
        assertThat(f.basis()).isEqualTo(MatchBasis.DIRECT);
        assertThat(f.pkg().purl()).isEqualTo("pkg:pypi/requests@2.19.1"); // purl-spec lower-cases PyPI names
        assertThat(f.references()).contains(java.net.URI.create("https://github.com/advisories/GHSA-x84v-xcm2-53pg"));
    }

    @Test
    void pypiNamesAreComparedAfterPep503Normalisation() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("PYSEC-2099-1",
                PackageKey.language(Ecosystem.PYPI, "zope-interface")).fixed("5.0").build());
        for (String spelling : List.of("zope.interface", "Zope_Interface", "zope--interface", "ZOPE.INTERFACE")) {
            assertThat(match(db, lang(Ecosystem.PYPI, spelling, "4.7")).findings()).as(spelling).hasSize(1);
        }
        assertThat(match(db, lang(Ecosystem.PYPI, "zopeinterface", "4.7")).findings()).isEmpty();
    }

    @Test
    void theFixedVersionAndLaterAreClean() {
        assertThat(match(requestsTrio(), lang(Ecosystem.PYPI, "requests", "2.20.0")).findings()).isEmpty();
        assertThat(match(requestsTrio(), lang(Ecosystem.PYPI, "requests", "2.31.0")).findings()).isEmpty();
    }

    @Test
    void aVersionTheSchemeCannotReadIsReportedAsCannotCompare() {
        MatchResult r = match(requestsTrio(), lang(Ecosystem.PYPI, "requests", "not a version!"));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId().value()).isEqualTo("CVE-2018-18074");
            assertThat(f.status()).isEqualTo(FixStatus.CANNOT_COMPARE);
            assertThat(f.statusReason()).contains("not a version!");
            assertThat(f.fixedVersions()).isEmpty();
        });
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.UNSUPPORTED);
            assertThat(p.message()).startsWith("requests not a version!: installed version");
            assertThat(p.path()).contains("app/manifest");
        });
    }

    @Test
    void withdrawnRecordsNeverMatch() {
        // PYSEC-2019-144 (real) was withdrawn: a Rust crate's CVE filed against the PyPI "arrayfire".
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.osv("osv/PyPI/PYSEC-2019-144.json", "osv-pypi"));
        assertThat(db.find(PackageKey.language(Ecosystem.PYPI, "arrayfire"))).isNotEmpty();
        assertThat(match(db, lang(Ecosystem.PYPI, "arrayfire", "3.5.20170718")).findings()).isEmpty();
    }

    @Test
    void mavenCoordinatesAndGhsaCriticalSeverity() {
        // GHSA-599f-7c49-w659 (real): Apache Commons Text "Text4Shell", fixed in 1.10.0, CRITICAL.
        InMemoryVulnDb db = new InMemoryVulnDb()
                .add(Fixtures.osv("ghsa/Maven/GHSA-599f-7c49-w659.json", "ghsa"))
                .facts(Fixtures.nvd("nvd/CVE-2022-42889.json"));
        MatchResult r = match(db, lang(Ecosystem.MAVEN, "org.apache.commons:commons-text", "1.9"));
        VulnerabilityFinding f = r.findings().getFirst();
        assertThat(r.findings()).hasSize(1);
        assertThat(f.ruleId().value()).isEqualTo("CVE-2022-42889");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.severitySource()).isEqualTo("ghsa");
        assertThat(f.fixedVersions()).containsExactly("1.10.0");
        assertThat(f.pkg().purl()).isEqualTo("pkg:maven/org.apache.commons/commons-text@1.9");
        // the feed's and NVD's vectors are both listed (here the same vector, once)
        assertThat(f.cvss()).extracting(c -> c.vector()).containsExactly(
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(match(db, lang(Ecosystem.MAVEN, "org.apache.commons/commons-text", "1.10.0")).findings())
                .isEmpty();
    }

    @Test
    void unparseableBoundsInTheDataAreReportedNotFatal() {
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("GHSA-bad1-bad1-bad1",
                PackageKey.language(Ecosystem.NPM, "left-pad")).source("ghsa")
                .range("introduced", "0", "fixed", "1.3.0 || broken").build());
        MatchResult r = match(db, lang(Ecosystem.NPM, "left-pad", "1.0.0"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
            assertThat(p.message()).startsWith("advisory GHSA-bad1-bad1-bad1 (ghsa) for npm left-pad: fixed")
                    .contains("1.3.0 || broken");
        });
    }

    @Test
    void npmPreReleasesFollowSemverPrecedence() {
        // GHSA-rv95-896h-c2vc (real): express < 4.19.2, and 5.0.0-alpha.1 <= v < 5.0.0-beta.3 (two affected[]
        // entries, two records with one id: one finding)
        InMemoryVulnDb db = new InMemoryVulnDb().add(Fixtures.osv("ghsa/npm/GHSA-rv95-896h-c2vc.json", "ghsa"));
        assertThat(db.find(PackageKey.language(Ecosystem.NPM, "express"))).hasSize(2);
        record Case(String installed, String fixes) {
        }
        for (Case c : List.of(new Case("4.19.1", "[4.19.2]"), new Case("5.0.0-alpha.1", "[5.0.0-beta.3]"),
                new Case("5.0.0-beta.2", "[5.0.0-beta.3]"), new Case("5.0.0-beta.3", null),
                new Case("5.0.0", null), new Case("4.19.2", null), new Case("5.0.0-alpha.0", null))) {
            MatchResult r = match(db, lang(Ecosystem.NPM, "express", c.installed()));
            if (c.fixes() == null) {
                assertThat(r.findings()).as(c.installed()).isEmpty();
            } else {
                assertThat(r.findings()).as(c.installed()).singleElement().satisfies(f -> {
                    assertThat(f.ruleId().value()).isEqualTo("CVE-2024-29041");
                    assertThat(f.fixedVersions()).hasToString(c.fixes());
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM); // GitHub's MODERATE
                });
            }
        }
    }

    @Test
    void rubysecPatchedVersionsAreANegatedGemConstraint() {
        // RubySec lists what is patched; affected is what satisfies none of it. Patched versions as RubySec gives
        // them for CVE-2023-27530 ("~> 2.2.6, >= 2.2.6.3" is >= 2.2.6.3 and < 2.3)
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("CVE-2023-27530", PackageKey.language(Ecosystem.GEM,
                "rack")).source("rubysec").range(new dev.plimsoll.core.advisory.AffectedRange.Constraint(
                dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax.GEM,
                List.of("~> 2.0.9, >= 2.0.9.3", "~> 2.1.4, >= 2.1.4.3", "~> 2.2.6, >= 2.2.6.3", ">= 3.0.4.2"), true)).build());
        assertThat(List.of("2.2.6.2", "2.2.6.3", "2.2.7", "3.0.0", "3.0.4.2", "1.6.0", "2.0.9.3")).map(v ->
                v + "=" + !match(db, lang(Ecosystem.GEM, "rack", v)).findings().isEmpty())
                .containsExactly("2.2.6.2=true", "2.2.6.3=false", "2.2.7=false", "3.0.0=true", "3.0.4.2=false",
                        "1.6.0=true", "2.0.9.3=false");
    }

    @Test
    void listedVersionsMatchByPep440Equality() {
        // PYSEC-2018-28 lists "0.12.01"; PEP 440 normalises it to 0.12.1
        InMemoryVulnDb db = new InMemoryVulnDb().add(Adv.of("PYSEC-2099-2", PackageKey.language(Ecosystem.PYPI,
                "requests")).versions("0.12.01", "0.13.0").build());
        assertThat(match(db, lang(Ecosystem.PYPI, "requests", "0.12.1")).findings()).hasSize(1);
        assertThat(match(db, lang(Ecosystem.PYPI, "requests", "0.12.2")).findings()).isEmpty();
    }
}
