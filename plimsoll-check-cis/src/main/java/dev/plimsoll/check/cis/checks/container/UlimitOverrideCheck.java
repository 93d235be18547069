package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.stream.Collectors;

/** CIS 5.18 (Manual): whether the default ulimits are overridden, for a person to judge whether they should be. */
public final class UlimitOverrideCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.manual("5.18",
            "Ensure that the default ulimit is overwritten at runtime if needed", Severity.LOW, "1",
            "Override the daemon's default ulimits (--ulimit) only where a container needs it.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        if (config.ulimits().isEmpty()) {
            return CheckResult.info("the daemon's default ulimits apply",
                    ContainerMeta.evidence(config, RunField.ULIMITS, "none"));
        }
        return CheckResult.pass("ulimits set for the container", ContainerMeta.evidence(config, RunField.ULIMITS,
                config.ulimits().stream().map(u -> u.name() + "=" + u.soft() + ":" + u.hard())
                        .collect(Collectors.joining(", "))));
    }
}
