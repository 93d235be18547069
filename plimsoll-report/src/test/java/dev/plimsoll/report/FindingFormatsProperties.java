package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever text a scan carries, the findings formats stay valid documents and their text stays inert. */
class FindingFormatsProperties {

    @Property(tries = 300)
    void cleanTextHasNothingUnsafe(@ForAll String text, @ForAll @IntRange(min = 1, max = 50) int max) {
        String line = UntrustedText.line(text, max);

        assertThat(line.codePoints()).noneMatch(UntrustedText::unsafe).noneMatch(cp -> cp == '\n' || cp == '\r');
        assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(max);
        assertThat(UntrustedText.lines(text).codePoints()).noneMatch(cp -> cp != '\n' && UntrustedText.unsafe(cp))
                .noneMatch(cp -> cp == '\r');
        // codePoints() yields an unpaired surrogate as itself
        assertThat(line.codePoints()).noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    @Property(tries = 300)
    void inlineMarkdownHasNoLiveSyntax(@ForAll String text) {
        String md = MarkdownText.inline(text);

        for (int i = 0; i < md.length(); i++) {
            char c = md.charAt(i);
            if (c == '\\') {
                i++; // an escaped character: escape() escapes every backslash, so this one is never the escaped one
                continue;
            }
            assertThat("|`*_~[]<>$".indexOf(c)).as("unescaped %s in %s", c, md).isNegative();
        }
    }

    @Property(tries = 300)
    void aCodeSpanIsOneSpanInOneCell(@ForAll String text) {
        String span = MarkdownText.code(text, 100, true);
        String row = "| " + span + " |";

        int fence = 0;
        while (fence < span.length() && span.charAt(fence) == '`') {
            fence++;
        }
        String inner = span.substring(fence, span.length() - fence);
        assertThat(inner).doesNotContain("`".repeat(fence)).doesNotContain("\n");
        assertThat(inner.replace("\\|", "")).doesNotContain("|");
        assertThat(row).startsWith("| `").endsWith("` |");
    }

    @Property(tries = 60)
    void sarifStaysValidWhateverTheText(@ForAll String title, @ForAll String name,
                                        @ForAll String version, @ForAll String path) {
        JsonNode sarif = Scenarios.json(Scenarios.render(new SarifReporter(), report(title, name, version, path)));

        assertThat(JsonSchemas.errors(SarifReporterTest.SCHEMA, sarif)).isEmpty();
        assertThat(sarif.path("runs").path(0).path("results")).hasSize(2);
    }

    @Property(tries = 100)
    void junitStaysValidWhateverTheText(@ForAll String title, @ForAll String name,
                                        @ForAll String version, @ForAll String path) {
        byte[] xml = Scenarios.render(new JUnitReporter(), report(title, name, version, path));

        assertThat(JUnitXml.errors(xml)).isEmpty();
        assertThat(JUnitXml.elements(JUnitXml.parse(xml).getDocumentElement(), "failure")).hasSize(2);
    }

    @Property(tries = 100)
    void markdownTablesKeepTheirShapeWhateverTheText(@ForAll String title, @ForAll String name,
                                                     @ForAll String version, @ForAll String path) {
        String md = new String(Scenarios.render(new MarkdownReporter(), report(title, name, version, path)),
                StandardCharsets.UTF_8);

        assertThat(md.codePoints()).noneMatch(cp -> cp != '\n' && UntrustedText.unsafe(cp));
        assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("GHSA-"))).singleElement()
                .satisfies(l -> assertThat(cells(l)).isEqualTo(6));
        assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("RULE-1"))).singleElement()
                .satisfies(l -> assertThat(cells(l)).isEqualTo(5));
    }

    private static int cells(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                pipes++;
            }
        }
        return pipes - 1;
    }

    private static Report report(String title, String anyName, String version, String path) {
        String name = "p" + anyName; // a package name is never blank
        Target target = new Target(Target.Kind.IMAGE, "img:" + name);
        Location where = Location.of(path).atLine(3);
        Package p = new Package(name, version, Ecosystem.NPM, Optional.empty(), List.of(), List.of(where),
                Optional.empty(), AnalyzerId.of("lang/npm"), new PackageMetadata.Npm("node_modules/x",
                Optional.empty(), Optional.empty(), Optional.empty(), false, false));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.empty(), List.of(p), List.of());
        List<Finding> findings = List.of(
                new VulnerabilityFinding(RuleId.of("GHSA-" + name), List.of(title), title, Severity.HIGH, "ghsa",
                        target, Optional.of(where), new PackageRef(name, version, Ecosystem.NPM, "pkg:npm/x@1"),
                        FixStatus.FIXED, "", List.of(version + "|" + title), List.of(), false,
                        OptionalDouble.empty(), MatchBasis.DIRECT, List.of("ghsa"),
                        List.of(URI.create("https://example.org/a"))),
                new MisconfigurationFinding(RuleId.of("RULE-1"), title, Severity.LOW, target, Optional.of(where),
                        title, title, Optional.of(title), List.of()));
        return new Report(new ScanResult(target, inventory, findings, List.of(ScanProblem.of(
                ProblemKind.MALFORMED_FILE, "lang/npm", path, title))), SampleScans.TOOL, SampleScans.CREATED);
    }
}
