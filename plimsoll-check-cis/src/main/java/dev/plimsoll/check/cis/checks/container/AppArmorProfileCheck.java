package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.1: the container is confined by an AppArmor profile, the engine's default or its own. */
public final class AppArmorProfileCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.1",
            "Ensure that, if applicable, an AppArmor Profile is enabled", Severity.MEDIUM, "1",
            "Do not run containers with apparmor=unconfined or --privileged; use docker-default or a profile "
                    + "written for the application (--security-opt apparmor=PROFILE)."),
            "docker-bench-security fails an unset profile; unset means the engine's docker-default profile where "
                    + "AppArmor is enabled, so only \"unconfined\" and privileged containers (which run unconfined) "
                    + "fail.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return ContainerMeta.profile(config, "apparmor", "AppArmor", config.security().apparmorProfile(),
                "privileged containers run without an AppArmor profile",
                "no profile set: the engine applies docker-default where AppArmor is enabled");
    }
}
