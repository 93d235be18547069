package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** A section 4 control the image alone cannot answer: NOTE with what to review. */
public abstract class ManualImageCheck extends ImageCheck {
    private final String advice;

    protected ManualImageCheck(String id, String title, String remediation, String advice) {
        super(id, title, Severity.LOW, false, remediation, Optional.empty());
        this.advice = advice;
    }

    @Override
    public final CheckResult evaluate(ImageAuditFacts facts) {
        return CheckResult.note(advice);
    }
}
