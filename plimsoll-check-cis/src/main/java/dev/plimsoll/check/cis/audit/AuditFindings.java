package dev.plimsoll.check.cis.audit;

import dev.plimsoll.check.cis.AuditResult;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.RuleDocs;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns audits into the findings and problems the policy and the reporters read: one {@link ComplianceFinding} per
 * check per target, passes included, and one {@link ScanProblem} per input that could not be read.
 */
public final class AuditFindings {
    /** Rule ids of the CIS Docker Benchmark checks: "CIS-DOCKER-5.9". */
    public static final String CIS_PREFIX = "CIS-DOCKER-";
    /** Rule ids of the Kubernetes workload checks: "K8S-privileged". */
    public static final String KUBERNETES_PREFIX = "K8S-";
    /** The component that notices unreadable audit inputs. */
    public static final String COMPONENT = "audit";

    private AuditFindings() {
    }

    public static RuleId ruleId(CheckMeta meta) {
        if (meta.section() == Section.KUBERNETES) {
            // the pod hardening checks' own ids already carry the prefix ("K8S-1"); PSA's do not ("privileged")
            return RuleId.of(meta.id().startsWith(KUBERNETES_PREFIX) ? meta.id() : KUBERNETES_PREFIX + meta.id());
        }
        return RuleId.of(CIS_PREFIX + meta.id());
    }

    /** The check id within its benchmark: "5.9" for "CIS-DOCKER-5.9". */
    public static String checkId(RuleId ruleId) {
        String v = ruleId.value();
        return v.startsWith(CIS_PREFIX) ? v.substring(CIS_PREFIX.length())
                : v.startsWith(KUBERNETES_PREFIX) ? v.substring(KUBERNETES_PREFIX.length()) : v;
    }

    public static List<Finding> findings(List<TargetAudit> audits) {
        // A check's rule id, remediation and documentation link are the same on every target: built once per check
        // (parsing the link's URI for each of thousands of results was most of the mapping's time). Targets are
        // mapped in parallel when there are many, in order.
        Map<CheckMeta, RuleRefs> refs = new ConcurrentHashMap<>();
        List<List<Finding>> perTarget = Parallel.stream(audits).map(audit -> {
            List<Finding> out = new ArrayList<>(audit.results().size());
            for (AuditResult r : audit.results()) {
                out.add(finding(audit.target(), r, refs.computeIfAbsent(r.check(), RuleRefs::of)));
            }
            return out;
        }).toList();
        List<Finding> all = new ArrayList<>(perTarget.stream().mapToInt(List::size).sum());
        perTarget.forEach(all::addAll);
        return all;
    }

    public static ComplianceFinding finding(Target target, AuditResult r) {
        return finding(target, r, RuleRefs.of(r.check()));
    }

    private static ComplianceFinding finding(Target target, AuditResult r, RuleRefs refs) {
        CheckMeta m = r.check();
        return new ComplianceFinding(refs.id(), m.title(), m.severity(), target, Optional.empty(),
                outcome(r.result().status()), evidence(r), refs.remediation(), refs.references(), m.scored());
    }

    private record RuleRefs(RuleId id, Optional<String> remediation, List<URI> references) {
        static RuleRefs of(CheckMeta m) {
            return new RuleRefs(ruleId(m), Optional.of(m.remediation()), List.of(RuleDocs.of("audit", anchor(m))));
        }
    }

    static ComplianceFinding.Outcome outcome(CheckStatus status) {
        return switch (status) {
            case PASS -> ComplianceFinding.Outcome.PASS;
            case FAIL -> ComplianceFinding.Outcome.FAIL;
            case INFO -> ComplianceFinding.Outcome.INFO;
            case NOTE -> ComplianceFinding.Outcome.NOTE;
            case NOT_APPLICABLE -> ComplianceFinding.Outcome.NOT_APPLICABLE;
        };
    }

    /** The reason, then each piece of evidence: "shares the host's network namespace [docker inspect: …]". */
    static String evidence(AuditResult r) {
        String reason = r.result().reason();
        if (r.result().evidence().isEmpty()) {
            return reason;
        }
        StringBuilder text = new StringBuilder(reason.length() + 64).append(reason).append(" [");
        String separator = "";
        for (Evidence e : r.result().evidence()) {
            text.append(separator);
            e.appendTo(text);
            separator = "; ";
        }
        return text.append(']').toString();
    }

    private static String anchor(CheckMeta m) {
        return m.section() == Section.KUBERNETES ? "k8s-" + m.id().toLowerCase(java.util.Locale.ROOT)
                : "cis-" + m.id().replace('.', '-');
    }

    public static List<ScanProblem> problems(List<InputProblem> problems) {
        return problems.stream().map(p -> new ScanProblem(ProblemKind.MALFORMED_FILE, COMPONENT, Optional.empty(),
                Optional.of(p.file()), (p.where().isEmpty() ? "" : p.where() + ": ") + p.reason()
                        + " (not audited)")).toList();
    }

    /** The whole audit as a scan result: {@code target} names what was audited ("docker inspect ps.json"). */
    public static ScanResult scanResult(Target target, AuditRun run) {
        Inventory empty = new Inventory(target, Optional.empty(), Optional.empty(), List.of(), List.of());
        return new ScanResult(target, empty, findings(run.audits()), problems(run.problems()));
    }
}
