package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Of compliance controls, only a FAIL counts against a threshold; every outcome is still reported. */
class ComplianceThresholdTest {
    private static final Target WEB = new Target(Target.Kind.CONTAINER, "web (compose.yaml)");

    private static ComplianceFinding control(String id, ComplianceFinding.Outcome outcome) {
        return new ComplianceFinding(RuleId.of("CIS-DOCKER-" + id), "control " + id, Severity.CRITICAL, WEB,
                Optional.empty(), outcome, "seen", Optional.of("fix it"), List.of(), true);
    }

    @Test
    void onlyFailedControlsFailTheBuild() {
        List<Finding> all = Arrays.stream(ComplianceFinding.Outcome.values())
                .map(o -> (Finding) control("5." + (o.ordinal() + 1), o)).toList();
        PolicyResult r = PolicyEvaluatorTest.apply("fail-on:\n  compliance: LOW\n", all);
        assertThat(r.reported()).hasSize(ComplianceFinding.Outcome.values().length);
        assertThat(r.failing()).singleElement()
                .satisfies(f -> assertThat(((ComplianceFinding) f).outcome()).isEqualTo(ComplianceFinding.Outcome.FAIL));
        assertThat(r.failed()).isTrue();
    }

    @Test
    void passesNotesAndInformationNeverFailEvenAtTheLowestThreshold() {
        List<Finding> harmless = List.of(control("5.1", ComplianceFinding.Outcome.PASS),
                control("5.6", ComplianceFinding.Outcome.NOTE), control("5.8", ComplianceFinding.Outcome.INFO),
                control("5.2", ComplianceFinding.Outcome.NOT_APPLICABLE));
        PolicyResult r = PolicyEvaluatorTest.apply("fail-on: LOW\n", harmless);
        assertThat(r.failed()).isFalse();
        assertThat(r.reported()).hasSize(4);
    }

    @Test
    void aSeverityOverrideKeepsOutcomeAndScoring() {
        ComplianceFinding manual = new ComplianceFinding(RuleId.of("CIS-DOCKER-5.8"), "ports", Severity.LOW, WEB,
                Optional.empty(), ComplianceFinding.Outcome.FAIL, "seen", Optional.empty(), List.of(), false);
        ComplianceFinding raised = (ComplianceFinding) PolicyEvaluator.withSeverity(manual, Severity.HIGH);
        assertThat(raised.severity()).isEqualTo(Severity.HIGH);
        assertThat(raised.scored()).isFalse();
        assertThat(raised.outcome()).isEqualTo(ComplianceFinding.Outcome.FAIL);
    }
}
