package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** A section 4 check on one image. */
public abstract class ImageCheck implements CisCheck<ImageAuditFacts> {
    private final CheckMeta meta;

    protected ImageCheck(String id, String title, Severity severity, boolean scored, String remediation,
                         Optional<String> differsFromDockerBench) {
        this.meta = new CheckMeta(id, Section.IMAGES, title, severity, "1", scored, remediation,
                differsFromDockerBench);
    }

    @Override
    public final CheckMeta meta() {
        return meta;
    }
}
