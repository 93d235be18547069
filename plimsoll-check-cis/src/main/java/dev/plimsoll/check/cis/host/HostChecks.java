package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.host.HostFacts;
import java.util.List;

/** CIS section 1 (host configuration), in benchmark order. */
public final class HostChecks {
    private HostChecks() {
    }

    public static List<CisCheck<HostFacts>> standard() {
        return List.of(
                new SeparatePartition(),
                new DockerGroupMembers(),
                new AuditDockerd(),
                new AuditRunContainerd(),
                new AuditDataRoot(),
                new AuditEtcDocker(),
                new AuditDockerServiceUnit(),
                new AuditContainerdSock(),
                new AuditDockerSocketUnit(),
                new AuditEtcDefaultDocker(),
                new AuditDaemonJson(),
                new AuditContainerdConfig(),
                new AuditEtcSysconfigDocker(),
                new AuditContainerdBinary(),
                new AuditContainerdShim(),
                new AuditContainerdShimRuncV1(),
                new AuditContainerdShimRuncV2(),
                new AuditRunc(),
                new HostHardened(),
                new DockerUpToDate());
    }
}
