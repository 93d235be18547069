package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.22: docker exec is not used with --privileged; only the engine's exec history tells. */
public final class ExecPrivilegedCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.22",
            "Ensure that docker exec commands are not used with the privileged option", Severity.MEDIUM, "2",
            "Do not use the --privileged option in docker exec commands.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return CheckResult.note("needs the host's audit log of docker exec commands: check that none against "
                + config.name() + " used --privileged (e.g. ausearch -k docker | grep exec | grep privileged)");
    }
}
