package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 2.5: ensure insecure registries are not used. */
public final class NoInsecureRegistries extends DaemonCheck {
    public NoInsecureRegistries() {
        super("2.5", "Ensure insecure registries are not used", Severity.HIGH, "1", true,
                "Remove insecure-registries / --insecure-registry.",
                Optional.empty());
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        Evidence e = evidence(c, "insecure-registries", "none");
        return c.list("insecure-registries").isEmpty()
                ? CheckResult.pass("no insecure registry is configured", e)
                : CheckResult.fail(c.list("insecure-registries").size() + " insecure registr(y/ies) configured", e);
    }
}
