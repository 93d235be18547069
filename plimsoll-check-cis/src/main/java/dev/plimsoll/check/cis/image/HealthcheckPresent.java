package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.image.Healthcheck;
import java.util.Optional;

/** CIS 4.6: the image has a HEALTHCHECK; {@code HEALTHCHECK NONE} switches it off and counts as none. */
public final class HealthcheckPresent extends ImageCheck {
    public HealthcheckPresent() {
        super("4.6", "Ensure that HEALTHCHECK instructions have been added to container images", Severity.LOW, true,
                "Add a HEALTHCHECK instruction to the Dockerfile.",
                Optional.of("docker-bench-security passes any Healthcheck in the config, HEALTHCHECK NONE (Test"
                        + " [\"NONE\"]) included; Plimsoll fails it: it disables the health check."));
    }

    @Override
    public CheckResult evaluate(ImageAuditFacts facts) {
        Optional<Healthcheck> hc = facts.healthcheck();
        if (hc.isEmpty() || hc.get().test().isEmpty()) {
            return CheckResult.fail("no healthcheck", new Evidence(facts.image(), "Config.Healthcheck", "(unset)"));
        }
        Evidence e = new Evidence(facts.image(), "Config.Healthcheck.Test", String.join(" ", hc.get().test()));
        return hc.get().disabled()
                ? CheckResult.fail("HEALTHCHECK NONE disables the health check", e)
                : CheckResult.pass("the image has a healthcheck", e);
    }
}
