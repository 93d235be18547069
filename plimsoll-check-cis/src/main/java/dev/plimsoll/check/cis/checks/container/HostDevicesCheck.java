package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.stream.Collectors;

/** CIS 5.17 (Manual): host devices exposed to the container are listed for a person to judge. */
public final class HostDevicesCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.manual("5.17",
            "Ensure that host devices are not directly exposed to containers", Severity.MEDIUM, "1",
            "Do not expose host devices to containers; where one is needed, grant only the permissions required "
                    + "(--device=/dev/x:/dev/x:r).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        if (config.devices().isEmpty()) {
            return CheckResult.pass("no host device exposed",
                    ContainerMeta.evidence(config, RunField.DEVICES, "none"));
        }
        return CheckResult.info(config.devices().size() + " host device(s) exposed: confirm each is needed",
                ContainerMeta.evidence(config, RunField.DEVICES, config.devices().stream()
                        .map(d -> d.hostPath() + ":" + d.containerPath() + ":" + d.permissions())
                        .collect(Collectors.joining(", "))));
    }
}
