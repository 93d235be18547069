package dev.plimsoll.check.cis.audit;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.TargetAudit;
import java.util.ArrayList;
import java.util.List;

/**
 * What every audit input returns: one {@link TargetAudit} per target it could read (a container, service, workload,
 * host, daemon or image) and the problems with what it could not, so the report says which targets were not audited.
 */
public record AuditRun(List<TargetAudit> audits, List<InputProblem> problems) {
    public AuditRun {
        audits = List.copyOf(audits);
        problems = List.copyOf(problems);
    }

    public static AuditRun failed(InputProblem problem) {
        return new AuditRun(List.of(), List.of(problem));
    }

    /** Two inputs audited together (plimsoll audit on a live host runs several). */
    public AuditRun plus(AuditRun other) {
        List<TargetAudit> all = new ArrayList<>(audits);
        all.addAll(other.audits);
        List<InputProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        return new AuditRun(all, allProblems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }
}
