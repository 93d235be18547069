package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The findings formats on {@link FindingScans}' lockfile scan with hostile text, against
 * {@code src/test/resources/golden/SCENARIO.FORMAT.golden}, and shuffled input writing the same bytes. (The sample
 * scans run through every format in {@link GoldenReportTest} and {@link DeterminismTest}.)
 */
class FindingFormatsGoldenTest {
    private final GoldenFiles golden = GoldenFiles.standard();

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, Supplier<Report>> scenario : new TreeMap<>(FindingScans.all()).entrySet()) {
            for (Reporter reporter : List.of(new SarifReporter(), new JUnitReporter(), new MarkdownReporter(),
                    new JsonReporter(), new TableReporter())) {
                cases.add(Arguments.of(scenario.getKey() + "." + reporter.format(), scenario.getValue(), reporter));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFile(String name, Supplier<Report> scenario, Reporter reporter) throws IOException {
        golden.assertMatches(name, Scenarios.render(reporter, scenario.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shuffledFindingsWriteTheSameBytes(String name, Supplier<Report> scenario, Reporter reporter) {
        Report report = scenario.get();
        byte[] expected = Scenarios.render(reporter, report);

        for (long seed = 1; seed <= 3; seed++) {
            ScanResult scan = report.scan();
            List<Finding> findings = new ArrayList<>(scan.findings());
            Collections.shuffle(findings, new Random(seed));
            Report shuffled = new Report(new ScanResult(scan.target(), scan.inventory(), findings, scan.problems()),
                    report.tool(), report.createdAt(), report.policy());
            assertThat(Scenarios.render(reporter, shuffled)).isEqualTo(expected);
        }
    }
}
