package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.scan.ScanResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reports sort for themselves: the order analyzers and checks produced things in must not show. */
class DeterminismTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Scenarios.byName().forEach((name, scenario) -> Reporters.standard()
                .forEach(r -> cases.add(Arguments.of(name + "." + r.format(), scenario, r))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shuffledInputWritesTheSameBytes(String name, Supplier<Report> scenario, Reporter reporter) {
        Report report = scenario.get();

        for (long seed = 1; seed <= 3; seed++) {
            assertThat(Scenarios.render(reporter, shuffled(report, new Random(seed))))
                    .isEqualTo(Scenarios.render(reporter, report));
        }
    }

    private static Report shuffled(Report report, Random random) {
        ScanResult scan = report.scan();
        Inventory inv = scan.inventory();
        List<Package> packages = new ArrayList<>(inv.packages());
        Collections.shuffle(packages, random);
        List<Finding> findings = new ArrayList<>(scan.findings());
        Collections.shuffle(findings, random);
        Inventory shuffled = new Inventory(inv.target(), inv.image(), inv.os(), packages, inv.problems());
        return new Report(new ScanResult(scan.target(), shuffled, findings, scan.problems()), report.tool(),
                report.createdAt(), report.policy());
    }
}
