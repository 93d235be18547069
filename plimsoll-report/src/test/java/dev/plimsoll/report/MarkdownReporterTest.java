package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownReporterTest {
    private final MarkdownReporter reporter = new MarkdownReporter();

    static Stream<Arguments> scenarios() {
        return Stream.concat(Scenarios.all(), Stream.of(Arguments.of("hostile-lockfiles",
                (Supplier<Report>) FindingScans::hostileLockfiles)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyTableRowHasItsHeadersNumberOfCells(String name, Supplier<Report> scenario) {
        List<String> lines = render(scenario.get()).lines().toList();

        int columns = 0;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                columns = 0;
                continue;
            }
            int cells = cells(line);
            if (columns == 0) {
                columns = cells;
            }
            assertThat(cells).as(line).isEqualTo(columns);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void saysIncompleteExactlyWhenThereAreProblems(String name, Supplier<Report> scenario) {
        Report report = scenario.get();
        String md = render(report);

        int problems = report.scan().allProblems().size();
        if (problems == 0) {
            assertThat(md).doesNotContain("Incomplete").doesNotContain("### Problems");
        } else {
            assertThat(md).contains("> **Incomplete scan:** " + problems + " problem")
                    .contains("### Problems (" + problems + ")");
        }
    }

    @Test
    void countsBySeverityThenGroupsMostSevereFirst() {
        String md = render(SampleScans.debianImage());

        assertThat(md).startsWith("## Plimsoll scan: image `debian:12`\n\n"
                + "Debian GNU/Linux 12 (bookworm) · 5 packages · **5 findings**\n\n"
                + "| Critical | High | Medium | Low | Unknown |\n"
                + "| ---: | ---: | ---: | ---: | ---: |\n"
                + "| 2 | 1 | 1 | 1 | 0 |\n");
        assertThat(md).contains("### OS packages (Debian GNU/Linux 12 (bookworm)): 2 findings");
        assertThat(md.indexOf("CVE-2024-5535")).isLessThan(md.indexOf("CVE-2023-45853"));
        assertThat(md).contains("| `libssl3` | `3.0.15-1~deb12u1` | `3.0.16-1~deb12u1` |")
                .contains("| _wont-fix_ (no-dsa) |");
    }

    @Test
    void aCleanScanSaysSo() {
        String md = render(SampleScans.alpineImage());

        assertThat(md).contains("3 packages · **0 findings**").contains("No findings.").doesNotContain("| Critical");
    }

    @Test
    void aGroupShowsAtMostFiftyRowsAndSaysHowManyMore() {
        String md = render(FindingScans.manyFindings(1, 60));

        assertThat(md).contains("### `service-0/package-lock.json` (npm): 60 findings");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("pkg-0-"))).hasSize(50);
        assertThat(md).contains("_…and 10 more; the JSON or SARIF report lists every finding._");
        // most severe first: the cut leaves out the least severe
        assertThat(md.lines().filter(l -> l.startsWith("| UNKNOWN"))).hasSizeLessThan(12);
        assertThat(md.lines().filter(l -> l.startsWith("| CRITICAL"))).hasSize(12);
    }

    @Test
    void theWholeCommentStaysWithinItsRowBudget() {
        String md = render(FindingScans.manyFindings(6, 50));

        assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("pkg-"))).hasSize(
                MarkdownReporter.ROWS_IN_ALL);
        assertThat(md).contains("### `service-5/package-lock.json` (npm): 50 findings\n\n"
                + "_Not shown; the JSON or SARIF report lists every finding._");
        assertThat(md.length()).isLessThan(65_536);
    }

    @Test
    void untrustedTextIsInert() {
        String md = render(FindingScans.hostileLockfiles());
        String outsideCode = withoutCodeSpans(md);

        assertThat(md.codePoints()).noneMatch(cp -> cp != '\n' && UntrustedText.unsafe(cp));
        assertThat(outsideCode).doesNotContain("<script>").doesNotContain("</script>").doesNotContain("<!--")
                .doesNotContain("<b>").doesNotContain(" @here").doesNotContainPattern("(?<!\\\\)\\]\\(javascript:")
                .contains("&lt;/script&gt;").contains("@&#8203;here").contains("#&#8203;1")
                .contains("\\[click\\]").contains("\\*\\*bold\\*\\*").contains("\\$x\\$");
        // the only raw HTML is the footer's
        assertThat(outsideCode.replace("<sub>", "").replace("</sub>", "")).doesNotContain("<");
        // a package name with backticks and pipes stays one code span in one cell
        assertThat(md).contains("| ``@evil/left-pad`\\|evil");
        assertThat(md).contains("[GHSA-evil-0000-0000](https://github.com/advisories/GHSA-evil-0000-0000?a=%281%29)");
        assertThat(md.lines().filter(l -> l.contains("very long title"))).singleElement()
                .satisfies(l -> assertThat(l).hasSizeLessThan(400).contains("\u2026"));
        assertThat(md).contains("`MALFORMED_FILE` lang/npm: /app/node\\_modules/x/package.json: bad JSON at line 1:");
    }

    @Test
    void passedControlsAreCountedApartFromFindings() {
        String md = render(FindingScans.hostileLockfiles());

        assertThat(md).contains("**6 findings**").contains("| 1 | 2 | 2 | 0 | 1 |")
                .contains("### Compliance: 1 finding").contains("1 control passed, 0 informational.")
                .contains("**NOTE** Ensure secrets").doesNotContain("CIS-DOCKER-4.1 ");
    }

    /** The text outside CommonMark code spans: a run of n backticks opens one, the next run of exactly n closes it. */
    static String withoutCodeSpans(String md) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < md.length()) {
            char c = md.charAt(i);
            if (c == '\\' && i + 1 < md.length()) {
                out.append(c).append(md.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = run(md, i);
                int close = i + run;
                while (close < md.length() && (md.charAt(close) != '`' || run(md, close) != run)) {
                    close += md.charAt(close) == '`' ? run(md, close) : 1;
                }
                if (close >= md.length()) {
                    out.append(md, i, i + run); // no closer: literal backticks
                    i += run;
                } else {
                    i = close + run;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int run(String s, int start) {
        int end = start;
        while (end < s.length() && s.charAt(end) == '`') {
            end++;
        }
        return end - start;
    }

    /**
     * Cells of a table row as GitHub's cmark-gfm splits it: a pipe right after a backslash is never a delimiter (its
     * cell scanner takes the longest match, so even after an escaped backslash), less the outer two.
     */
    private static int cells(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                pipes++;
            }
        }
        return pipes - 1;
    }

    private String render(Report report) {
        return new String(Scenarios.render(reporter, report), StandardCharsets.UTF_8);
    }
}
