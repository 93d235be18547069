package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.finding.Severity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML report's markup, policy and data block, read as text; {@link HtmlReportBrowserTest} runs it. */
class HtmlReporterTest {
    private static final String DATA_START = "<script type=\"application/json\" id=\"report-data\">\n";
    private static final Pattern CSP = Pattern.compile(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");

    static Stream<Arguments> scenarios() {
        return Stream.concat(Scenarios.all(), Stream.of(
                Arguments.of("log4j-app", (Supplier<Report>) HtmlScans::log4jApp),
                Arguments.of("hostile", (Supplier<Report>) HtmlScans::hostile)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void thePolicyAllowsExactlyTheInlineStyleAndScript(String name, Supplier<Report> scenario) throws Exception {
        String page = render(scenario.get());

        Matcher csp = CSP.matcher(page);
        assertThat(csp.find()).as("a Content-Security-Policy meta element").isTrue();
        assertThat(csp.start()).as("before anything it governs").isLessThan(page.indexOf("<style>"));
        String style = between(page, "<style>", "</style>");
        String script = between(page, "<script>", "</script>");
        assertThat(csp.group(1)).isEqualTo("default-src 'none'; style-src '" + sha256(style) + "'; script-src '"
                + sha256(script) + "'; base-uri 'none'; form-action 'none'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void thePageLoadsNothing(String name, Supplier<Report> scenario) {
        String page = render(scenario.get());
        String markup = page.substring(0, page.indexOf(DATA_START));

        // Scan text is escaped, so every '<' left in the markup starts one of the page's own tags.
        List<String> tags = new ArrayList<>();
        Matcher tag = Pattern.compile("<(/?[a-zA-Z!][^<>]*)>").matcher(markup);
        while (tag.find()) {
            tags.add(tag.group(1));
        }
        assertThat(tags).isNotEmpty().noneMatch(t -> t.matches("(?i)(img|link|iframe|object|embed|audio|video|"
                + "source|base|form|frame|use|image|script)\\b.*"));
        assertThat(String.join("\n", tags).toLowerCase(Locale.ROOT)).doesNotContain(" src=")
                .doesNotContain(" srcset=").doesNotContain(" action=").doesNotContain(" style=")
                .doesNotContain(" on");
        assertThat(tags).filteredOn(t -> t.contains(" href=")).allMatch(t -> t.contains(" href=\"#problems\""));
        // The assets fetch and import nothing, and never parse text as markup.
        String assets = (HtmlAssets.STANDARD.css() + HtmlAssets.STANDARD.script()).toLowerCase(Locale.ROOT);
        assertThat(assets).doesNotContain("@import").doesNotContain("url(").doesNotContain("fetch(")
                .doesNotContain("xmlhttprequest").doesNotContain("websocket").doesNotContain("eventsource")
                .doesNotContain("innerhtml").doesNotContain("outerhtml").doesNotContain("insertadjacenthtml")
                .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("http:")
                .doesNotContain("https:");
        assertThat(markup).contains("<style>" + HtmlAssets.STANDARD.css() + "</style>");
        assertThat(page).contains("<script>" + HtmlAssets.STANDARD.script() + "</script>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theProblemsSectionIsThereExactlyWhenTheScanIsIncomplete(String name, Supplier<Report> scenario) {
        Report report = scenario.get();
        String page = render(report);

        int problems = report.scan().allProblems().size();
        if (problems == 0) {
            assertThat(page).doesNotContain("id=\"problems\"").contains("<span class=\"status complete\">Complete<");
        } else {
            assertThat(page).contains("<h2 id=\"problems-heading\">Incomplete: " + problems + " problem")
                    .contains("<a class=\"status incomplete\" href=\"#problems\">Incomplete: ");
            assertThat(between(page, "<section id=\"problems\"", "</section>").split("<li>", -1))
                    .hasSize(problems + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theDataBlockHoldsEveryRowInReportOrder(String name, Supplier<Report> scenario) {
        Report report = scenario.get();
        JsonNode data = Scenarios.json(between(render(report), DATA_START, "</script>")
                .getBytes(StandardCharsets.UTF_8));

        List<String> ids = new ArrayList<>();
        data.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids).containsExactlyElementsOf(Findings.sorted(report.scan().findings()).stream()
                .map(f -> f.ruleId().value()).toList());
        List<String> packages = new ArrayList<>();
        data.path("packages").forEach(p -> packages.add(p.path("name").asText()));
        assertThat(packages).containsExactlyElementsOf(PackageIndex.of(report.scan().inventory()).entries().stream()
                .map(e -> e.pkg().name()).toList());
    }

    @Test
    void untrustedTextCannotEndTheDataBlockAndReadsBackUnchanged() {
        String page = render(HtmlScans.hostile());

        String lower = page.toLowerCase(Locale.ROOT);
        assertThat(count(lower, "<script")).isEqualTo(2);
        assertThat(count(lower, "</script")).isEqualTo(2);
        assertThat(page).doesNotContain("<!--").doesNotContain("\u2028").doesNotContain("\u2029")
                .doesNotContain("<img").doesNotContain("<iframe").doesNotContain("<b>");
        JsonNode finding = Scenarios.json(between(page, DATA_START, "</script>").getBytes(StandardCharsets.UTF_8))
                .path("findings").path(0);
        assertThat(finding.path("title").asText()).isEqualTo(HtmlScans.HOSTILE_TITLE);
        assertThat(finding.path("id").asText()).isEqualTo(HtmlScans.HOSTILE_ID);
        assertThat(finding.path("package").asText()).isEqualTo(HtmlScans.HOSTILE_PACKAGE);
        assertThat(finding.path("aliases").path(0).asText()).isEqualTo(HtmlScans.SCRIPT_PAYLOAD);
        assertThat(finding.path("url").asText()).isEqualTo("https://example.com/advisory");
        assertThat(page).contains("<h1>evil&lt;/h1&gt;&lt;img src=x onerror=&quot;document.body.setAttribute("
                + "&#39;data-pwned&#39;,&#39;h1&#39;)&quot;&gt;</h1>");
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertThat(HtmlReportData.firstWebReference(List.of(URI.create("javascript:alert(1)"),
                URI.create("data:text/html,<b>x</b>".replace("<", "%3C").replace(">", "%3E")),
                URI.create("file:///etc/passwd"), URI.create("mailto:a@example.com"), URI.create("https:no-host"),
                URI.create("HTTPS://Example.com/a"), URI.create("https://example.org/b")))).isEqualTo(
                "HTTPS://Example.com/a");
        assertThat(HtmlReportData.firstWebReference(List.of(URI.create("javascript:alert(1)")))).isNull();
        assertThat(HtmlReportData.firstWebReference(List.of())).isNull();
    }

    @Test
    void theChartsBarsAreProportionalAndLabelled() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        counts.put(Severity.CRITICAL, 1);
        counts.put(Severity.HIGH, 400);
        counts.put(Severity.MEDIUM, 100);
        counts.put(Severity.LOW, 0);
        counts.put(Severity.UNKNOWN, 3);

        String svg = SeverityChart.svg(counts);

        assertThat(svg).contains("<title id=\"chart-title\">504 findings: 1 critical, 400 high, 100 medium, 0 low, "
                + "3 unknown</title>");
        assertThat(barWidths(svg)).containsExactly(
                "critical:3", "high:400", "medium:100", "low:0", "unknown:3");
        assertThat(svg.indexOf("sev-critical")).isLessThan(svg.indexOf("sev-high"));
    }

    @Test
    void theChartOfNoFindingsHasNoBars() {
        assertThat(barWidths(SeverityChart.svg(SeverityChart.counts(List.of())))).containsExactly(
                "critical:0", "high:0", "medium:0", "low:0", "unknown:0");
    }

    @Test
    void assetsThatWouldEndTheirElementAreRefused() {
        assertThatThrownBy(() -> HtmlAssets.of("p{}", "let a = '</SCRIPT>';"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("</script");
        assertThatThrownBy(() -> HtmlAssets.of("p::after{content:'</style>'}", "1;"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("</style");
        assertThat(HtmlAssets.STANDARD.script()).doesNotContain("<!--");
    }

    @Test
    void escapingCoversMarkupControlsAndBrokenSurrogates() {
        assertThat(HtmlText.escape("<a href='x' title=\"y\">&amp;</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(HtmlText.escape("a\u0000b\u001bc\u0085d\te\nf")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\te\nf");
        assertThat(HtmlText.escape("\uD83D\uDE00 \uD83D x \uDE00")).isEqualTo("\uD83D\uDE00 \uFFFD x \uFFFD");
    }

    private static List<String> barWidths(String svg) {
        Matcher m = Pattern.compile("<g class=\"sev-([a-z]+)\">.*?<rect class=\"bar\" [^>]*width=\"(\\d+)\"")
                .matcher(svg);
        List<String> widths = new ArrayList<>();
        while (m.find()) {
            widths.add(m.group(1) + ":" + m.group(2));
        }
        return widths;
    }

    static String render(Report report) {
        return new String(Scenarios.render(new HtmlReporter(), report), StandardCharsets.UTF_8);
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        from += start.length();
        int to = text.indexOf(end, from);
        assertThat(to).as("%s after %s", end, start).isNotNegative();
        return text.substring(from, to);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
