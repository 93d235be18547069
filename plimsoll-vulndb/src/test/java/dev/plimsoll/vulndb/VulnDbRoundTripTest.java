package dev.plimsoll.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDbRoundTripTest {
    @TempDir
    Path dir;

    private Path write(List<Advisory> advisories, List<CveFacts> facts) throws IOException {
        Path db = dir.resolve("vulndb.db");
        try (VulnDbWriter w = VulnDbWriter.create(db)) {
            advisories.forEach(w::add);
            facts.forEach(w::add);
            w.finish(TestRecords.metadata());
        }
        return db;
    }

    @Test
    void everyFieldOfEveryShapeSurvivesTheFile() throws IOException {
        Path db = write(TestRecords.all(), List.of());
        try (VulnDbReader r = VulnDbReader.open(db)) {
            for (Advisory a : TestRecords.all()) {
                assertThat(r.find(a.pkg())).contains(a);
            }
            assertThat(r.counts()).isEqualTo(new DbCounts(4, 6, 0));
            assertThat(r.verify()).isEqualTo(r.counts());
        }
    }

    @Test
    void advisoriesOfAKeyComeOrderedBySourceThenIdWhateverTheInsertionOrder() throws IOException {
        List<Advisory> shuffled = new ArrayList<>(TestRecords.all());
        Collections.shuffle(shuffled, new Random(3));
        Path db = write(shuffled, List.of());
        try (VulnDb r = VulnDb.open(db)) {
            assertThat(r.find(TestRecords.DEBIAN_LOG4J)).extracting(Advisory::id)
                    .containsExactly("CVE-2021-4104", "CVE-2021-44228", "CVE-2021-45105");
        }
    }

    @Test
    void anIdenticalAdvisoryAddedTwiceIsStoredOnceButTwoStatementsOfOneIdAreBothKept() throws IOException {
        Advisory a = TestRecords.log4Shell();
        Advisory sameIdOtherRange = new Advisory(a.id(), a.aliases(), a.source(), a.pkg(), a.ranges().subList(0, 1),
                a.versions(), a.fix(), a.severity(), a.cvss(), a.title(), a.references(), a.published(),
                a.modified(), a.withdrawn());
        Path db = write(List.of(a, a, sameIdOtherRange), List.of());
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.find(TestRecords.LOG4J)).containsExactlyInAnyOrder(a, sameIdOtherRange);
            assertThat(r.counts().advisories()).isEqualTo(2);
        }
    }

    @Test
    void lookupIsByExactKeyAcrossEcosystemsAndReleases() throws IOException {
        Path db = write(TestRecords.all(), List.of());
        try (VulnDb r = VulnDb.open(db)) {
            assertThat(r.find(PackageKey.os(Ecosystem.DEB, "debian:12", "apache-log4j2"))).isEmpty();
            assertThat(r.find(PackageKey.language(Ecosystem.NPM, "minimis"))).isEmpty();
            assertThat(r.find(PackageKey.language(Ecosystem.NPM, "minimist0"))).isEmpty();
            assertThat(r.find(PackageKey.language(Ecosystem.PYPI, "minimist"))).isEmpty();
            assertThat(r.find(PackageKey.language(Ecosystem.NPM, "MiniMist"))).hasSize(1);   // normalised
            assertThat(r.find(PackageKey.language(Ecosystem.CARGO, "aaa"))).isEmpty();     // before the first key
            assertThat(r.find(PackageKey.language(Ecosystem.PYPI, "zzz"))).isEmpty();      // after the last key
            Map<PackageKey, List<Advisory>> batch = r.findAll(List.of(TestRecords.GEM_RACK,
                    PackageKey.language(Ecosystem.GEM, "rails"), TestRecords.NPM_MINIMIST));
            assertThat(batch).containsOnlyKeys(TestRecords.GEM_RACK, TestRecords.NPM_MINIMIST);
        }
    }

    @Test
    void partialCveFactsAreMergedTheSameWayWhicheverFeedCameFirst() throws IOException {
        CveFacts expected = new CveFacts("CVE-2021-44228", true, TestRecords.kev().kevDateAdded(),
                TestRecords.epss().epss(), TestRecords.epss().epssPercentile(), TestRecords.nvd().nvdCvss(),
                TestRecords.nvd().description());
        for (List<CveFacts> order : List.of(List.of(TestRecords.kev(), TestRecords.epss(), TestRecords.nvd()),
                List.of(TestRecords.nvd(), TestRecords.epss(), TestRecords.kev()),
                List.of(TestRecords.epss(), TestRecords.nvd(), TestRecords.kev()))) {
            Path db = write(List.of(), order);
            try (VulnDb r = VulnDb.open(db)) {
                assertThat(r.cveFacts("CVE-2021-44228")).contains(expected);
                assertThat(r.cveFacts("CVE-2021-4422")).isEmpty();
                assertThat(r.cveFacts("CVE-2021-442289")).isEmpty();
            }
        }
    }

    @Test
    void conflictingPartialsResolveTheSameWayInEveryOrder() throws IOException {
        CveFacts early = new CveFacts("CVE-2024-1", true, Optional.of(java.time.LocalDate.of(2024, 1, 2)),
                OptionalDouble.of(0.1), OptionalDouble.of(0.5), List.of(), Optional.of("one"));
        CveFacts late = new CveFacts("CVE-2024-1", false, Optional.of(java.time.LocalDate.of(2024, 3, 1)),
                OptionalDouble.of(0.7), OptionalDouble.of(0.9), List.of(), Optional.of("two"));
        Optional<CveFacts> first;
        try (VulnDb r = VulnDb.open(write(List.of(), List.of(early, late)))) {
            first = r.cveFacts("CVE-2024-1");
        }
        try (VulnDb r = VulnDb.open(write(List.of(), List.of(late, early)))) {
            assertThat(r.cveFacts("CVE-2024-1")).isEqualTo(first);
        }
        assertThat(first.orElseThrow().knownExploited()).isTrue();
        assertThat(first.orElseThrow().kevDateAdded()).contains(java.time.LocalDate.of(2024, 1, 2));
    }

    @Test
    void metadataAndCountsAreKept() throws IOException {
        Path db = write(TestRecords.all(), List.of(TestRecords.kev(), TestRecords.nvd()));
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.metadata()).isEqualTo(TestRecords.metadata());
            assertThat(r.counts()).isEqualTo(new DbCounts(4, 6, 1));
        }
    }

    @Test
    void anEmptyDatabaseIsValid() throws IOException {
        Path db = write(List.of(), List.of());
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.find(TestRecords.LOG4J)).isEmpty();
            assertThat(r.cveFacts("CVE-2021-44228")).isEmpty();
            assertThat(r.verify()).isEqualTo(new DbCounts(0, 0, 0));
        }
    }

    @Test
    void manyKeysAcrossPagesAndChunksAreAllFoundByBothReadPaths() throws IOException {
        SyntheticAdvisories data = new SyntheticAdvisories(3000, 12000, 2000, 11);
        Path db = dir.resolve("big.db");
        Map<PackageKey, List<Advisory>> expected = new java.util.HashMap<>();
        try (VulnDbWriter w = VulnDbWriter.create(db)) {
            data.forEachAdvisory(a -> {
                w.add(a);
                expected.computeIfAbsent(a.pkg(), k -> new ArrayList<>()).add(a);
            });
            data.forEachCveFacts(w::add);
            w.finish(TestRecords.metadata());
        }
        for (boolean mapped : new boolean[] {true, false}) {
            try (VulnDbReader r = VulnDbReader.open(db, mapped)) {
                assertThat(r.counts().packages()).isEqualTo(expected.size());
                for (int i = 0; i < 3000; i++) {
                    PackageKey k = data.key(i);
                    List<Advisory> want = expected.getOrDefault(k, List.of());
                    assertThat(r.find(k)).as(k.asText()).containsExactlyInAnyOrderElementsOf(
                            want.stream().distinct().toList());
                    assertThat(r.find(new PackageKey(k.ecosystem(), k.distro(), k.name() + "~"))).isEmpty();
                }
                for (int n = 0; n < 2000; n += 97) {
                    assertThat(r.cveFacts(SyntheticAdvisories.cveId(n))).isPresent();
                }
                assertThat(r.verify()).isEqualTo(r.counts());
            }
        }
    }
}
