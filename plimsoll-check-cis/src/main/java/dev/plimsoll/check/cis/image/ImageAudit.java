package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.core.finding.Target;

/** Section 4 on one image; the target is {@code image NAME}. */
public final class ImageAudit {
    private ImageAudit() {
    }

    public static TargetAudit audit(ImageAuditFacts facts) {
        return TargetAudit.run(new Target(Target.Kind.IMAGE, facts.image()), ImageChecks.standard(), facts);
    }
}
