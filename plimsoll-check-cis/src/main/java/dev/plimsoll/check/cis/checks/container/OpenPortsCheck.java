package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.8 (Manual): only needed ports are open; which ones are needed is a person's judgement. */
public final class OpenPortsCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.manual("5.8",
            "Ensure that only needed ports are open on the container", Severity.LOW, "1",
            "Publish only the ports the application needs; do not use -P to publish every exposed port."),
            "docker-bench-security scores this Manual control and fails any published port; the published ports "
                    + "are listed as INFO for a person to judge.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        if (config.ports().isEmpty()) {
            return CheckResult.pass("no published ports", ContainerMeta.evidence(config, RunField.PORTS, "none"));
        }
        return CheckResult.info(config.ports().size() + " published port(s): confirm each is needed",
                ContainerMeta.evidence(config, RunField.PORTS, Ports.describeAll(config.ports())));
    }
}
