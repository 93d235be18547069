package dev.plimsoll.check.cis.audit;

import static dev.plimsoll.check.cis.CheckStatus.FAIL;
import static dev.plimsoll.check.cis.CheckStatus.INFO;
import static dev.plimsoll.check.cis.CheckStatus.NOTE;
import static dev.plimsoll.check.cis.CheckStatus.NOT_APPLICABLE;
import static dev.plimsoll.check.cis.CheckStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.run.TestRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTest {
    private static Score.Verdict v(String id, boolean scored, dev.plimsoll.check.cis.CheckStatus s, String target) {
        return new Score.Verdict(id, scored, s, target);
    }

    @Test
    void oneVerdictPerCheckAcrossTargetsThenPlusOneForPassMinusOneForFail() {
        Score score = Score.of(List.of(
                v("5.1", true, PASS, "a"), v("5.1", true, PASS, "b"),   // +1
                v("5.4", true, PASS, "a"), v("5.4", true, FAIL, "b"),   // -1: one target failed
                v("5.6", true, NOTE, "a"), v("5.6", true, NOTE, "b"),   // 0
                v("5.8", false, PASS, "a"), v("5.8", false, INFO, "b"), // unscored
                v("5.9", true, PASS, "a"),                               // +1
                v("5.10", false, FAIL, "a"),                             // unscored: 0
                v("2.6", true, NOT_APPLICABLE, "daemon")));              // 0
        assertThat(score.score()).isEqualTo(1);
        assertThat(score.checks()).isEqualTo(7);
        assertThat(score.total(PASS)).isEqualTo(2);
        assertThat(score.total(FAIL)).isEqualTo(2);
        assertThat(score.total(INFO)).isEqualTo(1);
        assertThat(score.total(NOTE)).isEqualTo(1);
        assertThat(score.total(NOT_APPLICABLE)).isEqualTo(1);
        assertThat(score.combined().get(1)).satisfies(c -> {
            assertThat(c.checkId()).isEqualTo("5.4");
            assertThat(c.status()).isEqualTo(FAIL);
            assertThat(c.targets()).containsExactly("b");
        });
    }

    @Test
    void fromAudits() {
        AuditRun run = ContainerAudit.standard(CheckSelection.parse("5.4,5.10,5.8"))
                .audit(dev.plimsoll.check.cis.Loaded.of(List.of(TestRun.named("a").memory(1 << 20).build())));
        Score score = Score.ofAudits(run.audits());
        assertThat(score.checks()).isEqualTo(3);
        assertThat(score.score()).as("5.4 pass, 5.10 pass, 5.8 unscored").isEqualTo(2);
    }
}
