package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.27 (Manual): images are pulled fresh rather than served from a stale local cache. */
public final class LatestImageCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.manual("5.27",
            "Ensure that Docker commands always make use of the latest version of their image", Severity.LOW, "1",
            "Pin images by version or digest and pull them before running (docker pull, --pull=always).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        return CheckResult.note("needs the host's image cache: check that "
                + config.image().orElse("the container's image") + " is the newest build of its pinned version");
    }
}
