package dev.plimsoll.report;

import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.audit.Score;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The human-readable report: a header (target, OS, counts), the packages, the findings most severe first, a
 * count by severity, and, when the scan met problems, an INCOMPLETE section listing every one. Plain ASCII
 * decoration, every line at most {@value #WIDTH} columns (a long word in a problem message excepted), "\n" line
 * ends, deterministic.
 */
public final class TableReporter implements Reporter {
    static final int WIDTH = 120;
    private static final String NONE = "-";

    private final TextStyle style;

    public TableReporter() {
        this(TextStyle.PLAIN);
    }

    /** A table decorated by {@code style}, e.g. with colours when writing to a terminal. */
    public TableReporter(TextStyle style) {
        this.style = Objects.requireNonNull(style);
    }

    @Override
    public String format() {
        return "table";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        List<String> lines = lines(report);
        // Not closed: the caller owns the stream.
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String line : lines) {
            w.write(line);
            w.write('\n');
        }
        w.flush();
    }

    List<String> lines(Report report) {
        ScanResult scan = report.scan();
        List<String> lines = new ArrayList<>();
        lines.addAll(header(scan));

        List<PackageIndex.Entry> packages = PackageIndex.of(scan.inventory()).entries();
        // A Dockerfile or a manifest has no packages to list: the section would only be noise.
        if (hasInventory(scan.target().kind()) || !packages.isEmpty()) {
            lines.add("");
            lines.add(style.heading("PACKAGES (" + packages.size() + ")"));
            if (packages.isEmpty()) {
                lines.add("No packages found.");
            } else {
                lines.addAll(packageTable(packages, scan.target().kind() == Target.Kind.IMAGE));
            }
        }

        List<Finding> findings = listed(scan.findings());
        long passed = scan.findings().size() - findings.size();
        lines.add("");
        lines.add(style.heading("FINDINGS (" + findings.size() + ")"));
        if (findings.isEmpty()) {
            lines.add("No findings.");
        } else {
            // Findings by where they were found, as a reader fixes them; most severe first within a group.
            for (FindingGroups.Group group : FindingGroups.of(scan, findings, false)) {
                lines.add(style.heading(TextTable.clean(group.label())));
                lines.addAll(findingTable(group.findings(), scan.target()));
                lines.add("");
            }
            lines.add(severitySummary(findings));
        }
        ComplianceSummary.of(scan.findings()).ifPresent(score -> lines.addAll(wrap("Compliance: ",
                complianceSummary(score, passed), "            ")));
        report.policy().ifPresent(v -> {
            for (String line : wrap("Policy: ", v.summary(report.failing().size()), "        ")) {
                lines.add(v.failed() ? style.alert(line) : line);
            }
        });

        List<ScanProblem> problems = scan.allProblems();
        if (!problems.isEmpty()) {
            lines.add("");
            lines.add(style.alert("INCOMPLETE: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "; packages or findings may be missing"));
            for (ScanProblem p : problems) {
                lines.addAll(wrap("  - ", TextTable.clean(p.kind().name() + " " + p), "    "));
            }
        }
        return lines;
    }

    /**
     * What the table lists: every finding but benchmark controls that passed or did not apply, which would bury
     * the failures of an audit (most controls pass); they are counted on the compliance line and listed by the
     * json, docker-bench, junit and sarif formats.
     */
    private static List<Finding> listed(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!(f instanceof ComplianceFinding c) || (c.outcome() != ComplianceFinding.Outcome.PASS
                    && c.outcome() != ComplianceFinding.Outcome.NOT_APPLICABLE)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * "32 controls (FAIL 20, NOTE 4, INFO 5, PASS 3), score -17; 49 results that passed or did not apply are not
     * listed (-f json or -f docker-bench lists them)": a control counts once, by its worst result on any target.
     */
    private static String complianceSummary(Score score, long notListed) {
        List<String> parts = new ArrayList<>();
        for (CheckStatus status : List.of(CheckStatus.FAIL, CheckStatus.NOTE, CheckStatus.INFO, CheckStatus.PASS,
                CheckStatus.NOT_APPLICABLE)) {
            if (score.total(status) > 0) {
                parts.add(status.name() + " " + score.total(status));
            }
        }
        StringBuilder sb = new StringBuilder().append(score.checks())
                .append(score.checks() == 1 ? " control (" : " controls (").append(String.join(", ", parts))
                .append("), score ").append(score.score());
        if (notListed > 0) {
            sb.append("; ").append(notListed).append(notListed == 1 ? " result that passed or did not apply is"
                    : " results that passed or did not apply are").append(" not listed (-f json or -f docker-bench"
                    + " lists them)");
        }
        return sb.toString();
    }

    /** Targets scanned for installed software: images, root filesystems, source trees. */
    private static boolean hasInventory(Target.Kind kind) {
        return kind == Target.Kind.IMAGE || kind == Target.Kind.ROOTFS || kind == Target.Kind.FILESYSTEM;
    }

    /** Target and OS on lines of their own, never cut (a path is what users copy), then the counts. */
    private static List<String> header(ScanResult scan) {
        String kind = scan.target().kind().name().toLowerCase(Locale.ROOT);
        String os = scan.inventory().os().map(o -> o.prettyName()).orElse("unknown");
        List<String> lines = new ArrayList<>();
        lines.add("Target:   " + kind + " " + TextTable.clean(scan.target().name()));
        if (!hasInventory(scan.target().kind())) {
            lines.add("Findings: " + listed(scan.findings()).size() + "   Problems: " + scan.allProblems().size());
            return lines;
        }
        lines.addAll(wrap("OS:       ", TextTable.clean(os), "          "));
        lines.add("Packages: " + scan.inventory().packages().size() + "   Findings: " + listed(scan.findings()).size()
                + "   Problems: " + scan.allProblems().size());
        return lines;
    }

    /** Images name the layer that introduced each package; other targets have one "layer", so the file instead. */
    private static List<String> packageTable(List<PackageIndex.Entry> packages, boolean image) {
        TextTable table = new TextTable(List.of(
                TextTable.Column.shrinkable("NAME", 16),
                TextTable.Column.shrinkable("VERSION", 16),
                TextTable.Column.fixed("TYPE"),
                TextTable.Column.shrinkable("SOURCE", 16),
                image ? TextTable.Column.fixed("LAYER") : TextTable.Column.shrinkable("FILE", 16)));
        for (PackageIndex.Entry e : packages) {
            Package p = e.pkg();
            String source = p.source()
                    .map(s -> s.version().equals(p.version()) ? s.name() : s.name() + " " + s.version())
                    .orElse(NONE);
            table.add(p.name(), p.version(), p.ecosystem().purlType(), source, image
                    ? p.introducedIn().map(TableReporter::shortLayer).orElse(NONE)
                    : p.locations().stream().findFirst().map(Location::path).orElse(NONE));
        }
        return table.render(WIDTH, TextTable.CellDecorator.NONE);
    }

    private List<String> findingTable(List<Finding> findings, Target scanned) {
        TextTable table = new TextTable(List.of(
                TextTable.Column.fixed("SEVERITY"),
                TextTable.Column.shrinkable("ID", 14),
                TextTable.Column.shrinkable("PACKAGE/FILE", 16),
                TextTable.Column.shrinkable("INSTALLED", 10),
                TextTable.Column.shrinkable("FIXED", 10),
                TextTable.Column.shrinkable("TITLE", 20)));
        for (Finding f : findings) {
            String severity = f.severity().name();
            String id = f.ruleId().value();
            switch (f) {
                case VulnerabilityFinding v -> table.add(severity, id, v.pkg().name(), v.pkg().version(),
                        v.fixedVersions().isEmpty() ? v.status().label() : String.join(", ", v.fixedVersions()),
                        (v.knownExploited() ? "[KEV] " : "") + v.title());
                case MisconfigurationFinding m -> table.add(severity, id,
                        m.location().map(TableReporter::where).orElse(NONE), NONE, NONE, m.title());
                case SecretFinding s -> table.add(severity, id, where(s.where())
                                + s.commit().map(c -> " @" + c.shortId()).orElse(""), NONE, NONE,
                        s.title() + " " + s.maskedMatch() + visibility(s.visibility()));
                // An audit covers many targets (containers, services): say which one a control was judged on.
                case ComplianceFinding c -> table.add(severity, id,
                        c.location().map(TableReporter::where)
                                .orElse(c.target().equals(scanned) ? NONE : c.target().name()), NONE, NONE,
                        "[" + c.outcome().name() + "] " + c.title());
            }
        }
        return table.render(WIDTH, (row, column, cell) ->
                row >= 0 && column == 0 ? style.severity(findings.get(row).severity(), cell) : cell);
    }

    private static String severitySummary(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder("Total: ").append(findings.size()).append(" (");
        Severity[] order = Severity.values();
        for (int i = order.length - 1; i >= 0; i--) {
            sb.append(order[i].name()).append(": ").append(counts.getOrDefault(order[i], 0));
            sb.append(i > 0 ? ", " : ")");
        }
        return sb.toString();
    }

    private static String shortLayer(LayerRef layer) {
        return layer.diffId().or(layer::digest).map(Digest::shortHex).orElse("layer-" + layer.index());
    }

    private static String where(Location l) {
        return l.path() + (l.line().isPresent() ? ":" + l.line().getAsInt() : "");
    }

    private static String visibility(Visibility v) {
        return switch (v) {
            case VISIBLE -> "";
            case SHADOWED -> " (in a file replaced by a later layer)";
            case WHITED_OUT -> " (in a file deleted by a later layer)";
        };
    }

    /**
     * Word-wraps {@code text} after {@code first} at {@value #WIDTH} columns, continuation lines starting with
     * {@code indent}; a word longer than a line is left whole rather than split.
     */
    private static List<String> wrap(String first, String text, String indent) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : text.split(" +")) {
            if (line.length() > start && TextTable.length(line.toString()) + 1 + TextTable.length(word) > WIDTH) {
                out.add(line.toString());
                line.setLength(0);
                line.append(indent);
                start = indent.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }
}
