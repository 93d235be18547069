package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One self-contained HTML page to read a scan in a browser: a header (target, OS, scan time, tool, complete or
 * not), a bar chart of findings by severity, the problems when the scan was incomplete, a findings table that sorts
 * on its column headers and filters by text and severity, and a collapsible packages table.
 *
 * <p>The page loads nothing: its stylesheet and script are inline and a Content-Security-Policy forbids every
 * network load (see {@link HtmlAssets}). Scan data is untrusted text from images; the header, chart and problems
 * are written here with every value escaped ({@link HtmlText}), and the tables are built by the script from a JSON
 * block ({@link HtmlReportData}) with {@code textContent}, never parsed as markup. Filters can be set in the address:
 * {@code report.html#q=openssl&severity=CRITICAL,HIGH&sort=-id}.
 */
public final class HtmlReporter implements Reporter {
    private static final DateTimeFormatter SCAN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The standard assets are read on first use: every command builds every reporter to find the one it wants. */
    private final java.util.function.Supplier<HtmlAssets> assets;

    public HtmlReporter() {
        this.assets = () -> HtmlAssets.STANDARD;
    }

    HtmlReporter(HtmlAssets assets) {
        Objects.requireNonNull(assets);
        this.assets = () -> assets;
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        String page = page(report);
        // Not closed: the caller owns the stream.
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(page);
        w.flush();
    }

    String page(Report report) throws IOException {
        ScanResult scan = report.scan();
        List<Finding> findings = Findings.sorted(scan.findings());
        List<ScanProblem> problems = scan.allProblems();
        String target = scan.target().kind().name().toLowerCase(Locale.ROOT) + " " + scan.target().name();

        StringBuilder sb = new StringBuilder(32_768);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // Constant text and Base64 hashes only: nothing in it needs escaping.
        sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(assets.get().contentSecurityPolicy()).append("\">\n");
        sb.append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<meta name=\"generator\" content=\"").append(HtmlText.escape(toolName(report))).append("\">\n");
        sb.append("<title>").append(HtmlText.escape("Plimsoll: " + target)).append("</title>\n");
        sb.append("<style>").append(assets.get().css()).append("</style>\n");
        sb.append("</head>\n<body>\n");
        header(sb, report, target, findings.size(), problems.size());
        sb.append("<main>\n");
        summary(sb, SeverityChart.counts(findings));
        if (!problems.isEmpty()) {
            problems(sb, problems);
        }
        sb.append("<section id=\"findings\" aria-labelledby=\"findings-heading\">\n")
                .append("<h2 id=\"findings-heading\">Findings (").append(findings.size()).append(")</h2>\n")
                .append("<div id=\"finding-view\"></div>\n")
                .append("<noscript><p>Sorting and filtering need JavaScript. The findings are in this file's "
                        + "report-data block as JSON.</p></noscript>\n")
                .append("</section>\n");
        int packages = scan.inventory().packages().size();
        sb.append("<details id=\"packages\">\n<summary><h2>Packages (").append(packages).append(")</h2></summary>\n")
                .append("<div id=\"package-view\"></div>\n</details>\n");
        sb.append("</main>\n");
        sb.append("<script type=\"application/json\" id=\"report-data\">\n").append(HtmlReportData.json(scan))
                .append("</script>\n");
        sb.append("<script>").append(assets.get().script()).append("</script>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void header(StringBuilder sb, Report report, String target, int findings, int problems) {
        ScanResult scan = report.scan();
        sb.append("<header>\n<h1>").append(HtmlText.escape(scan.target().name())).append("</h1>\n")
                .append("<dl class=\"facts\">\n");
        fact(sb, "Target", HtmlText.escape(target));
        if (scan.inventory().image().isPresent()) {
            ImageSummary image = scan.inventory().image().get();
            String id = image.manifestDigest().isPresent() ? image.manifestDigest().get().toString()
                    : image.configDigest().isPresent() ? "config " + image.configDigest().get() : "";
            if (!id.isEmpty()) {
                fact(sb, "Image", "<code>" + HtmlText.escape(id) + "</code>");
            }
            fact(sb, "Platform", HtmlText.escape(image.platform().toString()));
        }
        fact(sb, "OS", HtmlText.escape(scan.inventory().os().isPresent()
                ? scan.inventory().os().get().prettyName() : "unknown"));
        fact(sb, "Scanned", "<time datetime=\"" + report.createdAtSeconds() + "\">"
                + SCAN_TIME.format(report.createdAtSeconds()) + "</time>");
        fact(sb, "Tool", HtmlText.escape(toolName(report)));
        fact(sb, "Counts", plural(scan.inventory().packages().size(), "package") + ", "
                + plural(findings, "finding") + ", " + plural(problems, "problem"));
        fact(sb, "Scan", problems == 0 ? "<span class=\"status complete\">Complete</span>"
                : "<a class=\"status incomplete\" href=\"#problems\">Incomplete: " + plural(problems, "problem")
                        + "</a>");
        sb.append("</dl>\n</header>\n");
    }

    private static void fact(StringBuilder sb, String term, String html) {
        sb.append("<div><dt>").append(term).append("</dt><dd>").append(html).append("</dd></div>\n");
    }

    private static void summary(StringBuilder sb, Map<Severity, Integer> counts) {
        sb.append("<section id=\"summary\" aria-labelledby=\"summary-heading\">\n")
                .append("<h2 id=\"summary-heading\">Findings by severity</h2>\n")
                .append(SeverityChart.svg(counts))
                .append("</section>\n");
    }

    private static void problems(StringBuilder sb, List<ScanProblem> problems) {
        sb.append("<section id=\"problems\" aria-labelledby=\"problems-heading\">\n")
                .append("<h2 id=\"problems-heading\">Incomplete: ").append(plural(problems.size(), "problem"))
                .append("</h2>\n")
                .append("<p>The scan could not read everything, so packages or findings may be missing.</p>\n<ul>\n");
        for (ScanProblem p : problems) {
            sb.append("<li><span class=\"kind\">").append(p.kind().name()).append("</span> ")
                    .append(HtmlText.escape(p.toString())).append("</li>\n");
        }
        sb.append("</ul>\n</section>\n");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String toolName(Report report) {
        return report.tool().name() + " " + report.tool().version();
    }
}
