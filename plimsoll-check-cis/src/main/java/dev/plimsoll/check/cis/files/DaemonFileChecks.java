package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.host.HostFacts;
import java.util.List;

/** CIS section 3 (Docker daemon configuration files), in benchmark order. */
public final class DaemonFileChecks {
    private DaemonFileChecks() {
    }

    public static List<CisCheck<HostFacts>> standard() {
        return List.of(
                new DockerServiceOwnership(),
                new DockerServicePermissions(),
                new DockerSocketUnitOwnership(),
                new DockerSocketUnitPermissions(),
                new EtcDockerOwnership(),
                new EtcDockerPermissions(),
                new RegistryCertOwnership(),
                new RegistryCertPermissions(),
                new TlsCaCertOwnership(),
                new TlsCaCertPermissions(),
                new ServerCertOwnership(),
                new ServerCertPermissions(),
                new ServerKeyOwnership(),
                new ServerKeyPermissions(),
                new DockerSockOwnership(),
                new DockerSockPermissions(),
                new DaemonJsonOwnership(),
                new DaemonJsonPermissions(),
                new EtcDefaultDockerOwnership(),
                new EtcDefaultDockerPermissions(),
                new EtcSysconfigDockerPermissions(),
                new EtcSysconfigDockerOwnership(),
                new ContainerdSockOwnership(),
                new ContainerdSockPermissions());
    }
}
