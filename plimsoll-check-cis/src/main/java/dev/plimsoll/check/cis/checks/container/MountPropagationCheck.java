package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.List;

/** CIS 5.19: no mount uses shared (or rshared) propagation. */
public final class MountPropagationCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.automated("5.19",
            "Ensure mount propagation mode is not set to shared", Severity.MEDIUM, "1",
            "Do not mount volumes with shared or rshared propagation.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        List<String> shared = config.mounts().stream()
                .filter(m -> m.propagation().equals("shared") || m.propagation().equals("rshared"))
                .map(m -> m.source() + ":" + m.destination() + ":" + m.propagation()).toList();
        if (!shared.isEmpty()) {
            return CheckResult.fail("mount(s) with shared propagation",
                    ContainerMeta.evidence(config, RunField.MOUNTS, String.join(", ", shared)));
        }
        return CheckResult.pass("no shared mount propagation",
                ContainerMeta.evidence(config, RunField.MOUNTS, config.mounts().size() + " mount(s)"));
    }
}
