package dev.plimsoll.check.cis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.checks.container.ContainerChecks;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.TestRun;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerAuditTest {
    private static final InputProblem BROKEN = new InputProblem("compose.yaml", "services.db",
            "undefined variable DB_TAG");

    private static Loaded<RunConfig> twoContainersAndAProblem() {
        return new Loaded<>(List.of(TestRun.hardened("web").build(),
                TestRun.named("db").privileged().network("host").build()), List.of(BROKEN));
    }

    @Test
    void oneTargetAuditPerContainerWithEveryCheck() {
        AuditRun run = ContainerAudit.standard(CheckSelection.ALL).audit(twoContainersAndAProblem());
        assertThat(run.audits()).extracting(a -> a.target())
                .containsExactly(new Target(Target.Kind.CONTAINER, "web (test)"),
                        new Target(Target.Kind.CONTAINER, "db (test)"));
        for (TargetAudit a : run.audits()) {
            assertThat(a.results()).hasSize(ContainerChecks.standard().size());
        }
        assertThat(run.problems()).containsExactly(BROKEN);
        assertThat(run.complete()).isFalse();
    }

    @Test
    void manyContainersAreAuditedInTheirOrderWithTheSameVerdictsAsOneByOne() {
        List<RunConfig> configs = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * Parallel.THRESHOLD; i++) {
            configs.add(i % 3 == 0 ? TestRun.named("c" + i).privileged().network("host").build()
                    : TestRun.hardened("c" + i).build());
        }
        ContainerAudit audit = ContainerAudit.standard(CheckSelection.ALL);
        AuditRun together = audit.audit(new Loaded<>(configs, List.of()));
        assertThat(together.audits()).hasSize(configs.size());
        for (int i = 0; i < configs.size(); i++) {
            assertThat(together.audits().get(i)).isEqualTo(audit.audit(configs.get(i)));
        }
    }

    @Test
    void theSelectionLimitsTheChecks() {
        AuditRun run = ContainerAudit.standard(CheckSelection.parse("5.4,5.9")).audit(twoContainersAndAProblem());
        assertThat(run.audits().get(1).results()).extracting(r -> r.check().id() + "=" + r.result().status())
                .containsExactly("5.4=FAIL", "5.9=FAIL");
        assertThat(run.audits().get(0).results()).extracting(r -> r.result().status())
                .containsOnly(CheckStatus.PASS);
    }

    @Test
    void findingsListEveryCheckAndProblemsSayWhatWasNotAudited() {
        AuditRun run = ContainerAudit.standard(CheckSelection.ALL).audit(twoContainersAndAProblem());
        ScanResult scan = AuditFindings.scanResult(new Target(Target.Kind.CONTAINER, "compose.yaml"), run);
        assertThat(scan.findings()).hasSize(2 * ContainerChecks.standard().size());
        ComplianceFinding privileged = scan.findings().stream().map(f -> (ComplianceFinding) f)
                .filter(f -> f.ruleId().value().equals("CIS-DOCKER-5.4") && f.target().name().startsWith("db"))
                .findFirst().orElseThrow();
        assertThat(privileged.outcome()).isEqualTo(ComplianceFinding.Outcome.FAIL);
        assertThat(privileged.evidence()).contains("runs privileged").contains("privileged = true");
        assertThat(privileged.remediation()).isPresent();
        assertThat(privileged.scored()).isTrue();
        Map<String, Boolean> scored = new java.util.HashMap<>();
        for (Finding f : scan.findings()) {
            scored.put(f.ruleId().value(), ((ComplianceFinding) f).scored());
        }
        assertThat(scored).containsEntry("CIS-DOCKER-5.8", false).containsEntry("CIS-DOCKER-5.9", true);
        assertThat(scan.problems()).singleElement().satisfies((ScanProblem p) -> {
            assertThat(p.path()).contains("compose.yaml");
            assertThat(p.message()).contains("services.db").contains("undefined variable DB_TAG")
                    .contains("not audited");
        });
        assertThat(scan.complete()).isFalse();
    }

    @Test
    void ruleIdsMapBackToCheckIds() {
        var meta = ContainerChecks.standard().get(9).meta();
        assertThat(AuditFindings.checkId(AuditFindings.ruleId(meta))).isEqualTo(meta.id());
    }
}
