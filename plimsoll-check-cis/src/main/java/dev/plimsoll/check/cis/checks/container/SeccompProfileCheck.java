package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.21: the default seccomp profile is not disabled. */
public final class SeccompProfileCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.21",
            "Ensure the default seccomp profile is not Disabled", Severity.HIGH, "1",
            "Do not run containers with seccomp=unconfined or --privileged; keep the default profile or use a "
                    + "stricter one."),
            "docker-bench-security only looks for seccomp=unconfined; a privileged container runs without "
                    + "seccomp too and fails.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return ContainerMeta.profile(config, "seccomp", "seccomp", config.security().seccompProfile(),
                "privileged containers run without seccomp", "the engine's default seccomp profile applies");
    }
}
