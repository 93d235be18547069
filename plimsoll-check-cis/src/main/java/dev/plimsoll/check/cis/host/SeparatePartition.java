package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.MountTable;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/**
 * CIS 1.1.1: the daemon's data root is a mount point of its own, in the root's /proc/mounts (a live host) or
 * /etc/fstab (a captured copy). INFO when the root has neither table, N/A when it has no data root.
 */
public final class SeparatePartition implements CisCheck<HostFacts> {
    private static final CheckMeta META = new CheckMeta("1.1.1", Section.HOST,
            "Ensure a separate partition for containers has been created", Severity.LOW, "1", true,
            "Create a separate partition (or logical volume) for /var/lib/docker, or the daemon's data-root.",
            Optional.of("docker-bench-security asks the running engine (docker info, mountpoint); Plimsoll reads the"
                    + " data root from the daemon configuration and the mount table of the root, so a captured copy"
                    + " is judged by its /etc/fstab."));

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(HostFacts facts) {
        String dataRoot = facts.daemon().dataRoot();
        if (facts.file(dataRoot).isEmpty()) {
            return CheckResult.notApplicable(dataRoot + " does not exist in " + facts.root());
        }
        Optional<MountTable> mounts = facts.mounts();
        if (mounts.isEmpty()) {
            return CheckResult.info("the root has neither /proc/mounts nor /etc/fstab",
                    new Evidence(facts.root(), "data root", dataRoot));
        }
        Evidence e = new Evidence(mounts.get().source(), "mount point", dataRoot);
        return mounts.get().isMountPoint(dataRoot)
                ? CheckResult.pass(dataRoot + " is a separate mount", e)
                : CheckResult.fail(dataRoot + " is not a mount point of its own", e);
    }
}
