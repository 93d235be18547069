package dev.plimsoll.cli;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.CheckSelection;
import java.util.List;

/** The results of audits that run their section's standard checks, narrowed to what --checks selects. */
final class AuditSelection {
    private AuditSelection() {
    }

    static AuditRun of(List<TargetAudit> audits, List<InputProblem> problems, CheckSelection checks) {
        List<TargetAudit> kept = audits.stream()
                .map(a -> new TargetAudit(a.target(), a.results().stream()
                        .filter(r -> checks.includes(r.check())).toList()))
                .toList();
        return new AuditRun(kept, problems);
    }
}
