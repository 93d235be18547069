package dev.plimsoll.check.cis;

import dev.plimsoll.core.finding.Target;
import java.util.List;
import java.util.Objects;

/**
 * Every check evaluated on one target (a container, Compose service, workload, host, daemon, file set or image),
 * passes included: the report lists them all, not only the failures.
 */
public record TargetAudit(Target target, List<AuditResult> results) {
    public TargetAudit {
        Objects.requireNonNull(target);
        results = List.copyOf(results);
    }

    /** Evaluates {@code checks} in order on the facts of one target. */
    public static <F> TargetAudit run(Target target, List<? extends CisCheck<? super F>> checks, F facts) {
        return new TargetAudit(target, checks.stream()
                .map(c -> new AuditResult(c.meta(), c.evaluate(facts)))
                .toList());
    }
}
