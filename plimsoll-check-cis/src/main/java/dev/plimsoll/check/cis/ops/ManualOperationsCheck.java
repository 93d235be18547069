package dev.plimsoll.check.cis.ops;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/**
 * A section 6 control: it needs the engine's inventory of images or containers, which a host root does not hold, so
 * it is a NOTE naming what to review.
 */
public abstract class ManualOperationsCheck implements CisCheck<HostFacts> {
    private final CheckMeta meta;
    private final String advice;

    protected ManualOperationsCheck(String id, String title, String remediation, String advice) {
        this.meta = new CheckMeta(id, Section.OPERATIONS, title, Severity.LOW, "1", false, remediation,
                Optional.empty());
        this.advice = advice;
    }

    @Override
    public final CheckMeta meta() {
        return meta;
    }

    @Override
    public final CheckResult evaluate(HostFacts facts) {
        return CheckResult.note(advice);
    }
}
