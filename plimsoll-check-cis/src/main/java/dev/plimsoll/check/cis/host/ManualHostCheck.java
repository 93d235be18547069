package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** A section 1 control a person judges (CIS "Manual"): NOTE with what to look at. */
public abstract class ManualHostCheck implements CisCheck<HostFacts> {
    private final CheckMeta meta;
    private final String advice;

    protected ManualHostCheck(String id, String title, String remediation, String advice) {
        this.meta = new CheckMeta(id, Section.HOST, title, Severity.LOW, "1", false, remediation, Optional.empty());
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
