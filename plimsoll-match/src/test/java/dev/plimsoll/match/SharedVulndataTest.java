package dev.plimsoll.match;

import static dev.plimsoll.match.support.Pkgs.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.match.support.Fixtures;
import dev.plimsoll.match.support.InMemoryVulnDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every OSV record of a whole feed from the shared collection, with the real schemes: for each record and range,
 * the range's own introduced version must match the record and its own fixed version must not. The fixtures in
 * src/test/resources cover the same code on a fresh clone; this checks it against thousands of real records.
 * Runs when PLIMSOLL_VULNDATA names the shared vulndata folder (../shared/vulndata).
 */
class SharedVulndataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"osv/PyPI, osv-pypi", "osv/Go, osv-go", "osv/crates.io, osv-rustsec"})
    void everyRangeMatchesItsIntroductionAndNotItsFix(String folder, String source) throws IOException {
        String root = System.getenv("PLIMSOLL_VULNDATA");
        Assumptions.assumeTrue(root != null && Files.isDirectory(Path.of(root, folder)),
                "set PLIMSOLL_VULNDATA to the shared vulndata folder (../shared/vulndata) to run this test");
        List<Advisory> advisories = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(root, folder))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                advisories.addAll(Fixtures.osvJson(Files.readString(f), source));
            }
        }
        MatchEngine engine = new MatchEngine(new InMemoryVulnDb().add(advisories));
        // a record names a package in several affected[] entries (Go's data does, one per branch): all of them
        java.util.Map<String, Integer> rangesPerRecordAndKey = new java.util.HashMap<>();
        advisories.forEach(a -> rangesPerRecordAndKey.merge(a.id() + " " + a.pkg().asText(),
                a.ranges().size() + (a.versions().isEmpty() ? 0 : 1), Integer::sum));
        int checked = 0;
        int cannotCompare = 0;
        int wrong = 0;
        List<String> firstWrong = new ArrayList<>();
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        for (Advisory a : advisories) {
            if (a.withdrawn()) {
                continue;
            }
            for (AffectedRange r : a.ranges()) {
                if (!(r instanceof AffectedRange.Events e) || e.events().size() != 2
                        || e.events().get(0).kind() != EventKind.INTRODUCED
                        || e.events().get(1).kind() != EventKind.FIXED) {
                    continue; // one introduced-fixed pair: its ends are known without other ranges' help
                }
                String introduced = e.events().get(0).version();
                String fixed = e.events().get(1).version();
                boolean other = rangesPerRecordAndKey.get(a.id() + " " + a.pkg().asText()) > 1;
                for (String v : introduced.equals("0") ? List.of(fixed) : List.of(introduced, fixed)) {
                    boolean expected = !v.equals(fixed);
                    if (!expected && other) {
                        continue; // another range or the version list may cover the fixed version
                    }
                    Candidate c = new Candidate(a.pkg().name(), a.pkg().ecosystem().name().equals("GOLANG")
                            ? "v" + v : v, a.pkg().ecosystem(), Optional.empty(), Optional.empty(),
                            Optional.of(Location.of(folder)), "pkg:x/y@" + v, false);
                    MatchResult m = engine.match(List.of(c), TARGET);
                    m.problems().forEach(p -> problems.add(p.message()));
                    var finding = m.findings().stream().filter(f -> f.ruleId().value().equals(a.id())
                            || f.aliases().contains(a.id())).findFirst();
                    checked++;
                    if (finding.isPresent() && finding.get().status() == dev.plimsoll.core.finding.FixStatus.CANNOT_COMPARE) {
                        cannotCompare++; // the record's own bound is no valid version: said so, never "not affected"
                        continue;
                    }
                    boolean found = finding.isPresent();
                    if (found != expected) {
                        wrong++;
                        if (firstWrong.size() < 10) {
                            firstWrong.add(a.id() + " " + a.pkg().name() + " " + v + " expected " + expected);
                        }
                    }
                }
            }
        }
        System.out.printf("%s: %d records, %d checks, %d wrong, %d cannot-compare, %d problems, %d ms%n", folder,
                advisories.size(), checked, wrong, cannotCompare, problems.stream().distinct().count(),
                (System.nanoTime() - start) / 1_000_000);
        problems.stream().distinct().limit(5).forEach(p -> System.out.println("  problem: " + p));
        assertThat(checked).isGreaterThan(200);
        assertThat(firstWrong).isEmpty();
    }
}
