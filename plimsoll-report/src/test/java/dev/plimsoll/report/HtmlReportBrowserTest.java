package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTML report in a real browser (headless Chromium): its script runs under its own Content-Security-Policy,
 * builds the tables, applies filters from the address, draws what a reader sees, and turns no scan data into markup.
 */
class HtmlReportBrowserTest {
    private static final Pattern FINDING_ID = Pattern.compile(
            "<tr class=\"finding-row\"><td>.*?</td><td class=\"id\"><(?:a|span)[^>]*>([^<]*)</(?:a|span)>");
    /** The stylesheet's --critical and --high, which fill the chart's bars and the severity badges. */
    private static final int CRITICAL_RGB = 0xb3132b;
    private static final int HIGH_RGB = 0xe0561b;

    @TempDir
    Path dir;

    private HeadlessChromium chromium;

    @BeforeEach
    void findChromium() {
        chromium = HeadlessChromium.require(dir);
    }

    @Test
    void everyFindingAndPackageBecomesARowAndTheSummaryIsThere() throws Exception {
        String dom = chromium.dumpDom(page(SampleScans.debianImage()), "");

        assertThat(count(dom, "<tr class=\"finding-row\">")).isEqualTo(5);
        assertThat(count(dom, "<tr class=\"package-row\">")).isEqualTo(5);
        assertThat(findingIds(dom)).containsExactly("CVE-2024-5535", "aws-access-key-id", "CIS-DI-0001",
                "CVE-2023-45853", "CIS-DOCKER-4.6");
        assertThat(dom).contains("<title id=\"chart-title\">5 findings: 2 critical, 1 high, 1 medium, 1 low, "
                + "0 unknown</title>")
                .contains(">5 of 5 findings shown<")
                .contains("<h2 id=\"problems-heading\">Incomplete: 2 problems</h2>")
                .contains("<a href=\"https://www.openssl.org/news/secadv/20240627.txt\" rel=\"noopener noreferrer\" "
                        + "title=\"Also: DSA-5764-1, GHSA-4fwx-9pcp-5vp4\">CVE-2024-5535</a>");
    }

    @Test
    void aScanWithoutFindingsSaysSoAndIsComplete() throws Exception {
        String dom = chromium.dumpDom(page(SampleScans.alpineImage()), "");

        assertThat(dom).contains("<p class=\"empty\">No findings.</p>")
                .contains("<span class=\"status complete\">Complete</span>")
                .doesNotContain("id=\"problems\"");
        assertThat(count(dom, "<tr class=\"finding-row\">")).isZero();
        assertThat(count(dom, "<tr class=\"package-row\">")).isEqualTo(3);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''                               | CVE-2021-44228 CVE-2021-45046 CVE-2024-5535 CVE-2021-45105 "
                    + "CVE-2021-44832 CVE-2024-2511",
            "#q=log4j&severity=CRITICAL       | CVE-2021-44228 CVE-2021-45046",
            "#q=log4j                         | CVE-2021-44228 CVE-2021-45046 CVE-2021-45105 CVE-2021-44832",
            "#severity=CRITICAL,high          | CVE-2021-44228 CVE-2021-45046 CVE-2024-5535 CVE-2021-45105",
            "#q=OpenSSL+overread              | CVE-2024-5535",
            "#q=BOOT-INF+2.17&severity=MEDIUM | CVE-2021-44832",
            "#q=log4j&sort=-id                | CVE-2021-45105 CVE-2021-45046 CVE-2021-44832 CVE-2021-44228",
            "#severity=LOW,CRITICAL&sort=fixed | CVE-2021-44228 CVE-2021-45046 CVE-2024-2511 CVE-2024-5535",
            "?q=openssl                       | CVE-2024-5535 CVE-2024-2511",
            "#q=no-such-thing                 | ''",
    })
    void filtersAndSortingComeFromTheAddress(String address, String expectedIds) throws Exception {
        String dom = chromium.dumpDom(page(HtmlScans.log4jApp()), address);

        List<String> expected = expectedIds.isBlank() ? List.of() : List.of(expectedIds.trim().split(" +"));
        assertThat(findingIds(dom)).containsExactlyElementsOf(expected);
        assertThat(count(dom, "<tr class=\"finding-row\">")).isEqualTo(expected.size());
        assertThat(dom).contains(">" + expected.size() + " of 6 findings shown<");
        if (expected.isEmpty()) {
            assertThat(dom).contains("No findings match the filter.");
        }
    }

    @Test
    void theControlsShowTheFilterFromTheAddress() throws Exception {
        String dom = chromium.dumpDom(page(HtmlScans.log4jApp()), "#q=log4j&severity=CRITICAL");

        assertThat(dom).contains("<input type=\"search\" id=\"finding-filter\"")
                .containsPattern("id=\"finding-filter\"[^>]* value=\"log4j\"")
                .contains("<input type=\"checkbox\" value=\"CRITICAL\" class=\"severity-toggle\" checked=\"\">")
                .contains("<input type=\"checkbox\" value=\"HIGH\" class=\"severity-toggle\">");
    }

    @Test
    void clickingHeadersSortsAndTheControlsFilterAndUpdateTheAddress() throws Exception {
        // A driver script after the report's own, allowed by adding its hash to the page's policy.
        String driver = """
                const click = (selector) => document.querySelector(selector).click();
                click('#finding-view th[data-key="id"] button');
                click('#finding-view th[data-key="id"] button');
                click('input.severity-toggle[value="CRITICAL"]');
                const search = document.getElementById('finding-filter');
                search.value = 'log4j';
                search.dispatchEvent(new Event('input'));
                click('#package-view th[data-key="name"] button');
                click('#package-view th[data-key="name"] button');
                document.body.setAttribute('data-address', location.hash);
                """;
        String page = HtmlReporterTest.render(HtmlScans.log4jApp())
                .replace("; script-src ", "; script-src '" + HtmlAssets.sha256(driver) + "' ")
                .replace("</body>", "<script>" + driver + "</script>\n</body>");
        Path file = dir.resolve("driven.html");
        Files.writeString(file, page);

        String dom = chromium.dumpDom(file, "");

        assertThat(findingIds(dom)).containsExactly("CVE-2021-45105", "CVE-2021-44832");
        assertThat(dom).contains("<body data-address=\"#q=log4j&amp;severity=HIGH%2CMEDIUM%2CLOW%2CUNKNOWN"
                        + "&amp;sort=-id\">")
                .contains("<th scope=\"col\" data-key=\"id\" aria-sort=\"descending\">")
                .contains("<input type=\"checkbox\" value=\"CRITICAL\" class=\"severity-toggle\">")
                .contains(">2 of 6 findings shown<");
        String packages = dom.substring(dom.indexOf("<div id=\"package-view\">"));
        assertThat(packages.indexOf(">org.apache.logging.log4j:log4j-core</td>")).as("packages by name, descending")
                .isPositive().isLessThan(packages.indexOf(">libssl3</td>"));
        assertThat(packages).contains("<th scope=\"col\" data-key=\"name\" aria-sort=\"descending\">");
    }

    @Test
    void scanDataNeverBecomesMarkupOrRunsAsScript() throws Exception {
        String dom = chromium.dumpDom(page(HtmlScans.hostile()), "");

        // The script ran and built both tables; only then does the absence of injected elements mean anything.
        assertThat(count(dom, "<tr class=\"finding-row\">")).isEqualTo(2);
        assertThat(count(dom, "<tr class=\"package-row\">")).isEqualTo(1);
        // The payloads are in the data block and in text nodes; as an attribute they would have run.
        assertThat(dom).contains("<body>").doesNotContain("data-pwned=\"").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<iframe").doesNotContain("<b>").doesNotContain("href=\"javascript:");
        assertThat(count(dom.toLowerCase(), "<script")).as("the data block and the report's script only")
                .isEqualTo(2);
        assertThat(count(dom, "<svg")).as("the chart only").isEqualTo(1);
        // Shown as the text it is, in the title cell, the header and the problems.
        assertThat(dom).contains("overflow &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x "
                        + "onerror=\"document.body.setAttribute('data-pwned','img')\"&gt;")
                .contains("<h1>evil&lt;/h1&gt;&lt;img src=x onerror=\"document.body.setAttribute('data-pwned',"
                        + "'h1')\"&gt;</h1>")
                .contains("&lt;iframe src=\"https://example.com/\"&gt;&lt;/iframe&gt;")
                .contains("CVE-&lt;b&gt;2024&lt;/b&gt;-&amp;amp;")
                .contains("&lt;svg onload=\"document.body.setAttribute('data-pwned','svg')\"&gt;")
                .contains("<a href=\"https://example.com/advisory\"");
        assertThat(findingIds(dom)).containsExactly("CVE-&lt;b&gt;2024&lt;/b&gt;-&amp;amp;", "DS002");
    }

    @Test
    void theScreenshotShowsTheChartAndTheTable() throws Exception {
        Path png = chromium.screenshot(page(SampleScans.debianImage()), "", 1280, 1000);

        assertThat(Files.size(png)).isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG that javax.imageio decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(1000);
        Map<Integer, Integer> colours = histogram(image);
        assertThat(colours.size()).as("distinct colours: text, panels, bars, badges").isGreaterThan(50);
        // The CRITICAL bar alone is 400 x 20 solid pixels; HIGH's is half of that.
        assertThat(colours.getOrDefault(CRITICAL_RGB, 0)).as("pixels in the CRITICAL colour").isGreaterThan(8_000);
        assertThat(colours.getOrDefault(HIGH_RGB, 0)).as("pixels in the HIGH colour").isGreaterThan(4_000);
        int mostCommon = colours.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(mostCommon).as("not one colour almost everywhere").isLessThan(image.getWidth()
                * image.getHeight() * 9 / 10);
    }

    private Path page(Report report) throws IOException {
        Path file = dir.resolve("report-" + System.nanoTime() + ".html");
        Files.write(file, Scenarios.render(new HtmlReporter(), report));
        return file;
    }

    private static List<String> findingIds(String dom) {
        List<String> ids = new ArrayList<>();
        Matcher m = FINDING_ID.matcher(dom);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static Map<Integer, Integer> histogram(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        return counts;
    }
}
