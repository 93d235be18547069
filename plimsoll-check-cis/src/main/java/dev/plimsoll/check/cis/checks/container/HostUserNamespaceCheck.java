package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.30: the container does not share the host's user namespace. */
public final class HostUserNamespaceCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.30",
            "Ensure that the host's user namespaces are not shared", Severity.MEDIUM, "1",
            "Do not run containers with --userns=host.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return HostNamespaces.judge(config, RunField.USERNS, config.namespaces().userns(), "user");
    }
}
