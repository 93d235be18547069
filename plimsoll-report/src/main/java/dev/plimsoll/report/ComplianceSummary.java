package dev.plimsoll.report;

import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.audit.AuditFindings;
import dev.plimsoll.check.cis.audit.Score;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The docker-bench-style score of a report's compliance findings, as the JSON and docker-bench formats show it. */
final class ComplianceSummary {
    private ComplianceSummary() {
    }

    /** Empty when the report has no compliance finding. */
    static Optional<Score> of(List<Finding> findings) {
        List<Score.Verdict> verdicts = verdicts(findings);
        return verdicts.isEmpty() ? Optional.empty() : Optional.of(Score.of(verdicts));
    }

    /** One verdict per compliance finding, in the order of {@code findings}. */
    static List<Score.Verdict> verdicts(List<Finding> findings) {
        List<Score.Verdict> verdicts = new ArrayList<>();
        Map<RuleId, String> checkIds = new HashMap<>(); // one per control, not one per target it was run on
        for (Finding f : findings) {
            if (f instanceof ComplianceFinding c) {
                verdicts.add(new Score.Verdict(checkIds.computeIfAbsent(c.ruleId(), AuditFindings::checkId),
                        c.scored(), status(c.outcome()), c.target().name()));
            }
        }
        return verdicts;
    }

    static CheckStatus status(ComplianceFinding.Outcome outcome) {
        return switch (outcome) {
            case PASS -> CheckStatus.PASS;
            case FAIL -> CheckStatus.FAIL;
            case INFO -> CheckStatus.INFO;
            case NOTE -> CheckStatus.NOTE;
            case NOT_APPLICABLE -> CheckStatus.NOT_APPLICABLE;
        };
    }
}
