package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.List;

/** CIS 5.7: no container port is published on a privileged host port (below 1024). */
public final class PrivilegedPortsCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.7",
            "Ensure privileged ports are not mapped within containers", Severity.MEDIUM, "1",
            "Publish container ports on host ports 1024 and above, e.g. -p 8080:80."),
            "docker-bench-security fails host ports below 1025, so port 1024, which is not privileged, fails; "
                    + "privileged ports are 1-1023. An ephemeral host port (0) is never privileged.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        List<String> privileged = config.ports().stream()
                .filter(p -> p.hostPort() > 0 && p.hostPort() < 1024)
                .map(Ports::describe).toList();
        if (!privileged.isEmpty()) {
            return CheckResult.fail("published on privileged host port(s)",
                    ContainerMeta.evidence(config, RunField.PORTS, String.join(", ", privileged)));
        }
        return CheckResult.pass(config.ports().isEmpty() ? "no published ports"
                        : "no privileged host port published",
                ContainerMeta.evidence(config, RunField.PORTS, Ports.describeAll(config.ports())));
    }
}
