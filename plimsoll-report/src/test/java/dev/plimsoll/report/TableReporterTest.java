package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableReporterTest {
    private final TableReporter reporter = new TableReporter();

    static Stream<Arguments> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void isPlainAsciiWithinOneHundredTwentyColumns(String name, Supplier<Report> scenario) {
        String table = new String(Scenarios.render(reporter, scenario.get()), StandardCharsets.UTF_8);

        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        // Any script's letters may appear (a path with "ü"), never a control, bidi override or noncharacter.
        assertThat(table.codePoints()).allMatch(c -> c == '\n' || (c >= 0x20 && !UntrustedText.unsafe(c)
                && !(c >= 0xD800 && c <= 0xDFFF) && c != 0xFFFD));
        assertThat(table).endsWith("\n").doesNotContain("\r").doesNotContain(" \n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void saysIncompleteExactlyWhenThereAreProblems(String name, Supplier<Report> scenario) {
        Report report = scenario.get();
        String table = new String(Scenarios.render(reporter, report), StandardCharsets.UTF_8);

        int problems = report.scan().allProblems().size();
        if (problems == 0) {
            assertThat(table).doesNotContain("INCOMPLETE");
        } else {
            assertThat(table).contains("\nINCOMPLETE: " + problems + " problem");
        }
    }

    @Test
    void controlCharactersInPackageDataCannotReachTheTerminal() {
        Report report = singlePackage("evil\u001b[2J\u001b]0;pwned\u0007", "1.0\n2.0");

        String table = new String(Scenarios.render(reporter, report), StandardCharsets.UTF_8);

        assertThat(table).doesNotContain("\u001b").doesNotContain("\u0007").contains("evil?[2J?]0;pwned?  1.0?2.0");
    }

    @Test
    void longCellsAreCutWithAnEllipsis() {
        Report report = singlePackage("a-package-name-that-goes-on-" + "and-on-".repeat(20), "1.0");

        List<String> lines = reporter.lines(report);

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("a-package-name-that-goes-on-").contains("..."));
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    }

    @Test
    void theHeaderKeepsLongTargetAndOsNamesWholeOnLinesOfTheirOwn() {
        Target target = new Target(Target.Kind.IMAGE, "registry.example.com/" + "very/".repeat(40) + "deep:1.0");
        OsRelease os = new OsRelease("x", "1", Optional.empty(), "An Operating System With A Name ".repeat(6),
                List.of(), Optional.empty(), "etc/os-release");
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.of(os), List.of(), List.of());
        Report report = new Report(new ScanResult(target, inventory, List.of(), List.of()), SampleScans.TOOL,
                SampleScans.CREATED);

        List<String> lines = reporter.lines(report);

        // a path is what users copy: never cut, even past the width
        assertThat(lines.get(0)).isEqualTo("Target:   image " + target.name());
        assertThat(String.join("\n", lines)).contains("OS:       An Operating System With A Name An")
                .contains("Packages: 0   Findings: 0   Problems: 0");
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(120));
    }

    @Test
    void aStyleDecoratesSeverityCellsWithoutBreakingAlignment() {
        TextStyle marked = new TextStyle() {
            @Override
            public String severity(Severity severity, String cell) {
                return "<" + cell + ">";
            }

            @Override
            public String heading(String text) {
                return "#" + text;
            }

            @Override
            public String alert(String text) {
                return "!" + text;
            }
        };

        List<String> lines = new TableReporter(marked).lines(SampleScans.debianImage());

        assertThat(lines).contains("#FINDINGS (5)", "#PACKAGES (5)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<CRITICAL>  CVE-2024-5535"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<LOW     >  CIS-DOCKER-4.6"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("!INCOMPLETE: 2 problems"));
    }

    private static Report singlePackage(String name, String version) {
        Target target = new Target(Target.Kind.ROOTFS, "/tmp/root");
        Package p = new Package(name, version, Ecosystem.DEB, Optional.empty(), List.of(),
                List.of(Location.of("var/lib/dpkg/status")), Optional.empty(), AnalyzerId.of("os/dpkg"),
                SampleScans.dpkg("Someone <someone@example.org>", Optional.empty(), 1, List.of(), List.of()));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.empty(), List.of(p), List.of());
        return new Report(new ScanResult(target, inventory, List.of(), List.of()), SampleScans.TOOL,
                SampleScans.CREATED);
    }
}
