package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.23 (Manual): docker exec is not used with --user=root; only the engine's exec history tells. */
public final class ExecRootUserCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.manual("5.23",
            "Ensure that docker exec commands are not used with the user=root option", Severity.LOW, "2",
            "Do not use the --user=root option in docker exec commands.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return CheckResult.note("needs the host's audit log of docker exec commands: check that none against "
                + config.name() + " used --user=root or --user=0");
    }
}
