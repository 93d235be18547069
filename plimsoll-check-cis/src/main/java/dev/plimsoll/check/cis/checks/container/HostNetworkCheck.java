package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.9: the container does not share the host's network namespace. */
public final class HostNetworkCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.9",
            "Ensure that the host's network namespace is not shared", Severity.HIGH, "1",
            "Do not run containers with --network=host (network_mode: host, hostNetwork: true).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return HostNamespaces.judge(config, RunField.NETWORK, config.namespaces().network(), "network");
    }
}
