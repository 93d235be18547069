package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.15: the container does not share the host's process namespace. */
public final class HostPidCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.15",
            "Ensure that the host's process namespace is not shared", Severity.HIGH, "1",
            "Do not run containers with --pid=host (pid: host, hostPID: true).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return HostNamespaces.judge(config, RunField.PID, config.namespaces().pid(), "process");
    }
}
