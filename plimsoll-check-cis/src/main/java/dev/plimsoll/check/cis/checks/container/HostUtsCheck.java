package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.20: the container does not share the host's UTS namespace. */
public final class HostUtsCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.20",
            "Ensure that the host's UTS namespace is not shared", Severity.MEDIUM, "1",
            "Do not run containers with --uts=host (uts: host).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return HostNamespaces.judge(config, RunField.UTS, config.namespaces().uts(), "UTS");
    }
}
