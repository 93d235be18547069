package dev.plimsoll.report;

import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A summary for a pull-request or merge-request comment, in Markdown that GitHub and GitLab render alike: the
 * target, a count by severity, a warning when the scan is incomplete, the findings grouped by where they were found
 * ({@link FindingGroups}, most severe first), then the problems. Compliance controls that passed or are
 * informational are counted in their group, not listed as findings.
 *
 * <p>A comment has to stay readable and within the platforms' size limits (GitHub refuses comments over 65,536
 * characters), so a group shows at most {@value #ROWS_PER_GROUP} findings and the whole comment at most
 * {@value #ROWS_IN_ALL}, each table saying how many it left out, and long cells are cut. Every piece of untrusted
 * text is escaped ({@link MarkdownText}): titles, names and paths can neither format the comment nor inject HTML,
 * links, mentions or a broken table.
 */
public final class MarkdownReporter implements Reporter {
    static final int ROWS_PER_GROUP = 50;
    static final int ROWS_IN_ALL = 200;
    private static final int TITLE_LIMIT = 200;
    private static final int NAME_LIMIT = 120;
    private static final int PROBLEM_LIMIT = 500;
    private static final String NONE = "-";

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("md");
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        out.write(markdown(report).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String markdown(Report report) {
        ScanResult scan = report.scan();
        StringBuilder md = new StringBuilder();
        md.append("## Plimsoll scan: ").append(scan.target().kind().name().toLowerCase(Locale.ROOT)).append(' ')
                .append(MarkdownText.code(scan.target().name(), NAME_LIMIT * 2, false)).append("\n\n");
        List<Finding> open = scan.findings().stream().filter(MarkdownReporter::needsAttention).toList();
        int findings = open.size();
        md.append(scan.inventory().os().map(o -> MarkdownText.inline(o.prettyName(), NAME_LIMIT) + " · ").orElse(""))
                .append(count(scan.inventory().packages().size(), "package")).append(" · **")
                .append(count(findings, "finding")).append("**\n\n");
        if (report.policy().isPresent()) {
            // The gate first: a pull-request reader wants to know whether the build passes before the details.
            PolicyVerdict v = report.policy().get();
            md.append(v.failed() ? "> :x: **Policy " : "> :white_check_mark: **Policy ")
                    .append(MarkdownText.inline(v.summary(report.failing().size()), PROBLEM_LIMIT)).append("**\n\n");
        }
        if (findings > 0) {
            severityTable(md, open);
        }

        List<ScanProblem> problems = scan.allProblems();
        if (!problems.isEmpty()) {
            md.append("> **Incomplete scan:** ").append(count(problems.size(), "problem"))
                    .append("; packages or findings may be missing (see Problems below).\n\n");
        }

        if (findings == 0) {
            md.append("No findings.\n\n");
        }
        int budget = ROWS_IN_ALL;
        for (FindingGroups.Group group : FindingGroups.of(scan, false)) {
            budget -= group(md, group, budget, scan.target());
        }

        if (!problems.isEmpty()) {
            md.append("### Problems (").append(problems.size()).append(")\n\n");
            for (ScanProblem p : problems) {
                md.append("- `").append(p.kind().name()).append("` ")
                        .append(MarkdownText.inline(p.toString(), PROBLEM_LIMIT)).append('\n');
            }
            md.append('\n');
        }
        md.append("<sub>").append(MarkdownText.inline(report.tool().name() + " " + report.tool().version()))
                .append(" · ").append(report.createdAtSeconds()).append("</sub>\n");
        return md.toString();
    }

    private static void severityTable(StringBuilder md, List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        Severity[] order = Severity.values();
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        StringBuilder values = new StringBuilder("|");
        for (int i = order.length - 1; i >= 0; i--) {
            String name = order[i].name();
            header.append(' ').append(name.charAt(0)).append(name.substring(1).toLowerCase(Locale.ROOT)).append(" |");
            rule.append(" ---: |");
            values.append(' ').append(counts.getOrDefault(order[i], 0)).append(" |");
        }
        md.append(header).append('\n').append(rule).append('\n').append(values).append("\n\n");
    }

    /**
     * A compliance control that passed, is informational or does not apply asks nothing of the reader: the comment
     * counts it apart rather than as a finding of its severity. FAIL and NOTE (a person must judge) are listed.
     */
    static boolean needsAttention(Finding f) {
        return !(f instanceof ComplianceFinding c)
                || c.outcome() == ComplianceFinding.Outcome.FAIL || c.outcome() == ComplianceFinding.Outcome.NOTE;
    }

    /** Writes one group, at most {@code budget} rows of it; returns the rows written. */
    private static int group(StringBuilder md, FindingGroups.Group group, int budget, Target scanned) {
        List<Finding> findings = group.findings().stream().filter(MarkdownReporter::needsAttention).toList();
        md.append("### ").append(heading(group)).append(": ").append(count(findings.size(), "finding"))
                .append("\n\n");
        int shown = Math.max(0, Math.min(Math.min(findings.size(), ROWS_PER_GROUP), budget));
        if (shown > 0) {
            if (group.packageGroup()) {
                md.append("| Severity | ID | Package | Installed | Fixed | Title |\n")
                        .append("| --- | --- | --- | --- | --- | --- |\n");
            } else {
                md.append("| Severity | ID | Location | Title | Fix |\n").append("| --- | --- | --- | --- | --- |\n");
            }
            for (Finding f : findings.subList(0, shown)) {
                md.append(row(f, scanned)).append('\n');
            }
            md.append('\n');
        }
        if (shown < findings.size()) {
            md.append("_").append(shown > 0 ? "…and " + (findings.size() - shown) + " more" : "Not shown")
                    .append("; the JSON or SARIF report lists every finding._\n\n");
        }
        long passed = outcomes(group, ComplianceFinding.Outcome.PASS);
        long informational = outcomes(group, ComplianceFinding.Outcome.INFO);
        long notApplicable = outcomes(group, ComplianceFinding.Outcome.NOT_APPLICABLE);
        if (passed + informational + notApplicable > 0) {
            md.append(passed).append(passed == 1 ? " control" : " controls").append(" passed, ").append(informational)
                    .append(" informational").append(notApplicable > 0 ? ", " + notApplicable + " not applicable" : "")
                    .append(".\n\n");
        }
        return shown;
    }

    private static long outcomes(FindingGroups.Group group, ComplianceFinding.Outcome outcome) {
        return group.findings().stream().filter(f -> f instanceof ComplianceFinding c && c.outcome() == outcome)
                .count();
    }

    private static String heading(FindingGroups.Group group) {
        return switch (group.kind()) {
            case OS_PACKAGES -> "OS packages (" + (group.subject().isEmpty() ? "unknown OS"
                    : MarkdownText.inline(group.subject(), NAME_LIMIT)) + ")";
            case PACKAGE_FILE -> (group.subject().isEmpty() ? "(no file)"
                    : MarkdownText.code(group.subject(), NAME_LIMIT * 2, false))
                    + " (" + MarkdownText.inline(group.ecosystem()) + ")";
            case COMPLIANCE, MISCONFIGURATIONS, SECRETS -> group.kind().title();
        };
    }

    private static String row(Finding f, Target scanned) {
        String severity = f.severity().name();
        String id = MarkdownText.link(UntrustedText.line(f.ruleId().value(), NAME_LIMIT), FindingLinks.primary(f));
        String title = MarkdownText.inline(f.title().isBlank() ? f.ruleId().value() : f.title(), TITLE_LIMIT);
        return switch (f) {
            case VulnerabilityFinding v -> cells(severity, id, code(v.pkg().name()), code(v.pkg().version()),
                    fixed(v), (v.knownExploited() ? "**KEV** " : "") + title);
            case MisconfigurationFinding m -> cells(severity, id, where(m.location()),
                    title + ": " + MarkdownText.inline(m.message(), TITLE_LIMIT),
                    m.remediation().map(r -> MarkdownText.inline(r, TITLE_LIMIT)).orElse(NONE));
            case SecretFinding s -> cells(severity, id, where(Optional.of(s.where())),
                    title + " " + code(s.maskedMatch())
                            + (s.visibility().deleted() ? " (in a file a later layer deleted or replaced)" : ""),
                    MarkdownText.inline(s.fix().orElse(NONE), TITLE_LIMIT));
            // An audit covers many targets (containers, services): say which one a control was judged on.
            case ComplianceFinding c -> cells(severity, id, c.location().isPresent() || c.target().equals(scanned)
                            ? where(c.location()) : code(c.target().name()),
                    "**" + c.outcome().name() + "** " + title,
                    c.remediation().map(r -> MarkdownText.inline(r, TITLE_LIMIT)).orElse(NONE));
        };
    }

    private static String fixed(VulnerabilityFinding v) {
        if (!v.fixedVersions().isEmpty()) {
            return v.fixedVersions().stream().map(MarkdownReporter::code).collect(Collectors.joining(", "));
        }
        return "_" + v.status().label() + "_"
                + (v.statusReason().isEmpty() ? "" : " (" + MarkdownText.inline(v.statusReason(), NAME_LIMIT) + ")");
    }

    private static String where(Optional<Location> location) {
        return location.map(l -> code(l.path() + (l.line().isPresent() ? ":" + l.line().getAsInt() : "")))
                .orElse(NONE);
    }

    private static String code(String untrusted) {
        return MarkdownText.code(untrusted, NAME_LIMIT, true);
    }

    private static String cells(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
