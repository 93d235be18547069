package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.audit.AuditFindings;
import dev.plimsoll.check.cis.audit.Score;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON log docker-bench-security 1.6.0 writes ({@code functions/output_lib.sh}), for tools that read it:
 * {@code {"dockerbenchsecurity": "1.6.0", "start": EPOCH, "tests": [{"id": "5", "desc": "Container Runtime",
 * "results": [{"id": "5.4", "desc": "... (Automated)", "result": "WARN", "details": "...", "items": [...],
 * "remediation": "..."}]}], "checks": N, "score": S, "end": EPOCH}}. The version field names the docker-bench release
 * whose numbering and shape this follows.
 *
 * <p>Like docker-bench, each check is reported once for all targets: its verdicts are combined as {@link Score}
 * describes, {@code items} lists the targets with the combined verdict (for a FAIL, the failing ones) and
 * {@code details} says why for each. FAIL is written WARN; a check that does not apply, which docker-bench would
 * not print, is INFO with "Not applicable" in its details. Remediation is written for every result but PASS, as
 * docker-bench does with remediation on. {@code start} and {@code end} are both the report's creation time. Only
 * compliance findings are written.
 */
public final class DockerBenchReporter implements Reporter {
    /** The docker-bench-security release whose JSON log this reproduces. */
    public static final String DOCKER_BENCH_VERSION = "1.6.0";

    @Override
    public String format() {
        return "docker-bench";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("dockerbench", "docker-bench-security");
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        List<ComplianceFinding> controls = new ArrayList<>();
        for (Finding f : report.scan().findings()) {
            if (f instanceof ComplianceFinding c) {
                controls.add(c);
            }
        }
        // The order of targets and checks must not depend on the order findings arrived in.
        controls.sort(Comparator.comparing((ComplianceFinding c) -> c.target().name())
                .thenComparing(c -> c.ruleId().value()));
        Score score = Score.of(ComplianceSummary.verdicts(List.copyOf(controls)));
        Map<String, ComplianceFinding> anyById = new LinkedHashMap<>();
        Map<String, Map<String, ComplianceFinding>> byIdAndTarget = new LinkedHashMap<>();
        for (ComplianceFinding c : controls) {
            String id = AuditFindings.checkId(c.ruleId());
            anyById.putIfAbsent(id, c);
            byIdAndTarget.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(c.target().name(), c);
        }
        Map<String, List<Score.Combined>> bySection = new TreeMap<>(DockerBenchReporter::compareIds);
        for (Score.Combined combined : score.combined()) {
            bySection.computeIfAbsent(section(combined.checkId()), k -> new ArrayList<>()).add(combined);
        }
        long epoch = report.createdAtSeconds().getEpochSecond();
        ReportJson.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("dockerbenchsecurity", DOCKER_BENCH_VERSION);
            g.writeNumberField("start", epoch);
            g.writeArrayFieldStart("tests");
            for (Map.Entry<String, List<Score.Combined>> section : bySection.entrySet()) {
                g.writeStartObject();
                g.writeStringField("id", section.getKey());
                g.writeStringField("desc", sectionTitle(section.getKey()));
                g.writeArrayFieldStart("results");
                List<Score.Combined> checks = new ArrayList<>(section.getValue());
                checks.sort((a, b) -> compareIds(a.checkId(), b.checkId()));
                for (Score.Combined check : checks) {
                    result(g, check, anyById.get(check.checkId()), byIdAndTarget.get(check.checkId()));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("checks", score.checks());
            g.writeNumberField("score", score.score());
            g.writeNumberField("end", epoch);
            g.writeEndObject();
        });
    }

    private static void result(JsonGenerator g, Score.Combined check, ComplianceFinding any,
                               Map<String, ComplianceFinding> byTarget) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", check.checkId());
        g.writeStringField("desc", UntrustedText.line(any.title()) + (check.scored() ? " (Automated)" : " (Manual)"));
        g.writeStringField("result", result(check.status()));
        if (check.status() != CheckStatus.PASS) {
            List<String> details = new ArrayList<>();
            for (String target : check.targets()) {
                details.add(target + ": " + byTarget.get(target).evidence());
            }
            g.writeStringField("details", UntrustedText.line((check.status() == CheckStatus.NOT_APPLICABLE
                    ? "Not applicable: " : "") + String.join("; ", details)));
            g.writeArrayFieldStart("items");
            for (String target : check.targets()) {
                g.writeString(UntrustedText.line(target));
            }
            g.writeEndArray();
            if (any.remediation().isPresent()) {
                g.writeStringField("remediation", UntrustedText.line(any.remediation().get()));
            }
        }
        g.writeEndObject();
    }

    static String result(CheckStatus status) {
        return switch (status) {
            case PASS -> "PASS";
            case FAIL -> "WARN";
            case INFO, NOT_APPLICABLE -> "INFO";
            case NOTE -> "NOTE";
        };
    }

    /** "5" for "5.4", "2" for "2.2.1"; named (Kubernetes) checks form the section "k8s". */
    static String section(String checkId) {
        int dot = checkId.indexOf('.');
        String first = dot < 0 ? checkId : checkId.substring(0, dot);
        return first.chars().allMatch(Character::isDigit) && !first.isEmpty() ? first : Section.KUBERNETES.number();
    }

    private static String sectionTitle(String number) {
        return Arrays.stream(Section.values()).filter(s -> s.number().equals(number)).map(Section::title)
                .findFirst().orElse(number);
    }

    /** Numbered ids by their numbers ("5.2" before "5.10"), named ones after them by name. */
    static int compareIds(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            boolean na = pa[i].chars().allMatch(Character::isDigit) && !pa[i].isEmpty() && pa[i].length() < 10;
            boolean nb = pb[i].chars().allMatch(Character::isDigit) && !pb[i].isEmpty() && pb[i].length() < 10;
            int c = na && nb ? Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i]))
                    : na ? -1 : nb ? 1 : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
