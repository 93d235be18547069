package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.26: the container's health is checked at runtime. */
public final class HealthcheckCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.26",
            "Ensure that container health is checked at runtime", Severity.LOW, "1",
            "Give the container a health check (--health-cmd, healthcheck:, or HEALTHCHECK in the image); do not "
                    + "disable the image's."),
            "docker-bench-security asks for a live health status; a container that disables the image's health "
                    + "check (HEALTHCHECK NONE, --no-healthcheck, disable: true) fails, and a container that sets "
                    + "none is left to the image's HEALTHCHECK (NOTE; 4.6 audits the image).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        if (config.healthcheck().isEmpty()) {
            return CheckResult.note("no health check set on the container: the image's HEALTHCHECK applies if it "
                    + "has one (check the image, 4.6)");
        }
        var hc = config.healthcheck().get();
        var ev = ContainerMeta.evidence(config, RunField.HEALTHCHECK, String.join(" ", hc.test()));
        if (hc.disabled() || hc.test().isEmpty()) {
            return CheckResult.fail("health check disabled", ev);
        }
        return CheckResult.pass("health check set", ev);
    }
}
