package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever text a scan holds, the HTML report's escaping keeps it text. */
class HtmlReportProperties {
    private static final JsonMapper MAPPER = ReportJson.newMapper();

    @Property
    void theDataBlockEscapingLeavesNothingThatEndsAScriptAndMeansTheSameString(@ForAll("markupHeavy") String text)
            throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ReportJson.write(json, g -> g.writeString(text));

        String escaped = HtmlReportData.forScriptElement(json.toString(StandardCharsets.UTF_8));

        assertThat(escaped).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(MAPPER.readValue(escaped, String.class)).isEqualTo(text);
    }

    @Property
    void escapedTextHasNoMarkupAndUnescapesToTheCleanedText(@ForAll("markupHeavy") String text) {
        String escaped = HtmlText.escape(text);

        assertThat(escaped).doesNotContain("<").doesNotContain(">").doesNotContain("\"").doesNotContain("'");
        assertThat(escaped.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
        String unescaped = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        assertThat(unescaped).hasSameSizeAs(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7f) || (c > 0x9f && !Character.isSurrogate(c));
            if (kept) {
                assertThat(unescaped.charAt(i)).isEqualTo(c);
            }
        }
    }

    @Property(tries = 150)
    void anyScanTextLeavesExactlyTheTwoScriptElements(@ForAll("markupHeavyNotBlank") String id,
            @ForAll("markupHeavy") String title, @ForAll("markupHeavy") String name,
            @ForAll("markupHeavy") String message) {
        Target target = new Target(Target.Kind.IMAGE, name);
        OsRelease os = new OsRelease("x", "1", Optional.empty(), title, List.of(), Optional.empty(), "etc/os-release");
        Package pkg = new Package(id, name, Ecosystem.DEB, Optional.empty(), List.of(message),
                List.of(Location.of(title)), Optional.empty(), AnalyzerId.of("os/dpkg"),
                SampleScans.dpkg(message, Optional.empty(), 1, List.of(), List.of()));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.of(os), List.of(pkg),
                List.of(ScanProblem.of(ProblemKind.MALFORMED_FILE, "os/dpkg", name, message)));
        MisconfigurationFinding finding = new MisconfigurationFinding(RuleId.of(id), title, Severity.HIGH, target,
                Optional.of(Location.of(message)), message, message, Optional.empty(), List.of());
        Report report = new Report(new ScanResult(target, inventory, List.of(finding), List.of()), SampleScans.TOOL,
                SampleScans.CREATED);

        String page = HtmlReporterTest.render(report).toLowerCase(Locale.ROOT);

        assertThat(HtmlReporterTest.count(page, "<script")).isEqualTo(2);
        assertThat(HtmlReporterTest.count(page, "</script")).isEqualTo(2);
        assertThat(HtmlReporterTest.count(page, "<svg")).isEqualTo(1);
        assertThat(HtmlReporterTest.count(page, "<!--")).isZero();
        assertThat(HtmlReporterTest.count(page, "<title")).as("the page's and the chart's").isEqualTo(2);
        assertThat(HtmlReporterTest.count(page, "<h1>")).isEqualTo(1);
    }

    /** Strings built mostly from the pieces that markup, script and JSON escapes are made of. */
    @Provide
    Arbitrary<String> markupHeavy() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("<", ">", "&", "\"", "'", "/", "!", "-", "<!--", "-->", "</script", "</SCRIPT>",
                        "<script>", "</style>", "<img src=x onerror=alert(1)>", "\\", "\\u003c", "\u2028", "\u2029",
                        "\u0000", "\u001b", "\uD800", "\uDC00", "\uD83D\uDE00", "&amp;", "&#x3c;", "]]>", "`", "${"),
                Arbitraries.strings().ofMaxLength(6));
        return pieces.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> markupHeavyNotBlank() {
        return markupHeavy().filter(s -> !s.isBlank());
    }
}
