package dev.plimsoll.check.cis.audit;

import dev.plimsoll.check.cis.AuditResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.TargetAudit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A docker-bench-security-style score. docker-bench reports each check once for all containers, so the verdicts of
 * one check on every target are first combined into one: FAIL if any target failed, else NOTE if any needs a person,
 * else INFO if any is informational, else PASS if any passed, else NOT_APPLICABLE. Then each scored check adds 1 when
 * its combined verdict is PASS and subtracts 1 when it is FAIL; INFO, NOTE and N/A add nothing, as do checks that are
 * not scored. {@code checks} counts the combined checks, scored or not, as docker-bench's "checks" does;
 * {@code totals} counts them by combined status.
 */
public record Score(int score, int checks, Map<CheckStatus, Integer> totals, List<Combined> combined) {
    public Score {
        Map<CheckStatus, Integer> copy = new EnumMap<>(CheckStatus.class);
        copy.putAll(totals);
        totals = Collections.unmodifiableMap(copy);
        combined = List.copyOf(combined);
    }

    /** One check's verdict on one target, as the score needs it. */
    public record Verdict(String checkId, boolean scored, CheckStatus status, String target) {
        public Verdict {
            Objects.requireNonNull(checkId);
            Objects.requireNonNull(status);
            Objects.requireNonNull(target);
        }
    }

    /**
     * One check's combined verdict, with the targets that had that verdict (for FAIL, INFO and NOTE: the ones to
     * look at), in the order the checks were first met.
     */
    public record Combined(String checkId, boolean scored, CheckStatus status, List<String> targets) {
        public Combined {
            targets = List.copyOf(targets);
        }
    }

    public static Score ofAudits(List<TargetAudit> audits) {
        return of(audits.stream().flatMap(a -> a.results().stream().map(r -> verdict(a, r))).toList());
    }

    private static Verdict verdict(TargetAudit audit, AuditResult r) {
        return new Verdict(r.check().id(), r.check().scored(), r.result().status(), audit.target().name());
    }

    public static Score of(List<Verdict> verdicts) {
        Map<String, List<Verdict>> byCheck = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            byCheck.computeIfAbsent(v.checkId(), k -> new java.util.ArrayList<>()).add(v);
        }
        int score = 0;
        Map<CheckStatus, Integer> totals = new EnumMap<>(CheckStatus.class);
        List<Combined> combined = new java.util.ArrayList<>();
        for (Map.Entry<String, List<Verdict>> e : byCheck.entrySet()) {
            CheckStatus status = e.getValue().stream().map(Verdict::status).min(Score::byPrecedence).orElseThrow();
            boolean scored = e.getValue().stream().anyMatch(Verdict::scored);
            if (scored && status == CheckStatus.PASS) {
                score++;
            } else if (scored && status == CheckStatus.FAIL) {
                score--;
            }
            totals.merge(status, 1, Integer::sum);
            combined.add(new Combined(e.getKey(), scored, status, e.getValue().stream()
                    .filter(v -> v.status() == status).map(Verdict::target).distinct().toList()));
        }
        return new Score(score, byCheck.size(), totals, combined);
    }

    private static final List<CheckStatus> PRECEDENCE = List.of(CheckStatus.FAIL, CheckStatus.NOTE,
            CheckStatus.INFO, CheckStatus.PASS, CheckStatus.NOT_APPLICABLE);

    private static int byPrecedence(CheckStatus a, CheckStatus b) {
        return Integer.compare(PRECEDENCE.indexOf(a), PRECEDENCE.indexOf(b));
    }

    public int total(CheckStatus status) {
        return totals.getOrDefault(status, 0);
    }
}
