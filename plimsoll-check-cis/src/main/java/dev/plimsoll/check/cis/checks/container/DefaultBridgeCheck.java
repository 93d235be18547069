package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.Locale;

/** CIS 5.29 (Manual): the container is on a user-defined network, not Docker's default bridge docker0. */
public final class DefaultBridgeCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.manual("5.29",
            "Ensure that Docker's default bridge 'docker0' is not used", Severity.LOW, "2",
            "Create a user-defined network and run the containers in it (--network NAME).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        String mode = config.namespaces().network().trim().toLowerCase(Locale.ROOT);
        var ev = ContainerMeta.evidence(config, RunField.NETWORK, mode.isEmpty() ? "not set" : mode);
        return switch (mode) {
            case "bridge", "default" -> CheckResult.info("on the default bridge docker0", ev);
            case "" -> CheckResult.info("no network set: docker run puts the container on docker0 (Compose and "
                    + "Kubernetes use their own networks)", ev);
            default -> CheckResult.pass("not on the default bridge", ev);
        };
    }
}
