package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in format for every sample scan, against {@code src/test/resources/golden/SCENARIO.FORMAT.golden}. */
class GoldenReportTest {
    private final GoldenFiles golden = GoldenFiles.standard();

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, Supplier<Report>> scenario : new TreeMap<>(SampleScans.all()).entrySet()) {
            for (Reporter reporter : Reporters.standard()) {
                cases.add(Arguments.of(scenario.getKey() + "." + reporter.format(), scenario.getValue(), reporter));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFile(String name, Supplier<Report> scenario, Reporter reporter) throws IOException {
        byte[] first = Scenarios.render(reporter, scenario.get());

        golden.assertMatches(name, first);
        assertThat(Scenarios.render(reporter, scenario.get())).as("a second run writes the same bytes")
                .isEqualTo(first);
    }
}
