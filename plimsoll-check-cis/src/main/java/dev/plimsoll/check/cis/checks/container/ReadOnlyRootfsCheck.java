package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.12: the container's root filesystem is read-only. */
public final class ReadOnlyRootfsCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.12",
            "Ensure that the container's root filesystem is mounted as read only", Severity.MEDIUM, "1",
            "Run the container with --read-only (read_only: true, readOnlyRootFilesystem: true) and give it tmpfs "
                    + "or volumes for the paths it writes.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        var ev = ContainerMeta.evidence(config, RunField.READ_ONLY, Boolean.toString(config.readOnlyRootfs()));
        return config.readOnlyRootfs() ? CheckResult.pass("root filesystem read-only", ev)
                : CheckResult.fail("root filesystem writable", ev);
    }
}
