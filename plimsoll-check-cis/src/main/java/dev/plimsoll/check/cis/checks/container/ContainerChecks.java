package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import java.util.List;

/**
 * The container checks, in the order docker-bench-security 1.6.0 runs them: CIS 4.1 as it runs it on containers,
 * then section 5 (Container Runtime). A new check is its own class plus one line here.
 */
public final class ContainerChecks {
    private ContainerChecks() {
    }

    public static List<CisCheck<RunConfig>> standard() {
        return List.of(
                new ContainerUserCheck(),        // 4.1
                new AppArmorProfileCheck(),      // 5.1
                new SelinuxOptionsCheck(),       // 5.2
                new CapabilitiesCheck(),         // 5.3
                new PrivilegedCheck(),           // 5.4
                new SensitiveHostDirsCheck(),    // 5.5
                new SshdCheck(),                 // 5.6
                new PrivilegedPortsCheck(),      // 5.7
                new OpenPortsCheck(),            // 5.8
                new HostNetworkCheck(),          // 5.9
                new MemoryLimitCheck(),          // 5.10
                new CpuPriorityCheck(),          // 5.11
                new ReadOnlyRootfsCheck(),       // 5.12
                new HostInterfaceBindingCheck(), // 5.13
                new RestartPolicyCheck(),        // 5.14
                new HostPidCheck(),              // 5.15
                new HostIpcCheck(),              // 5.16
                new HostDevicesCheck(),          // 5.17
                new UlimitOverrideCheck(),       // 5.18
                new MountPropagationCheck(),     // 5.19
                new HostUtsCheck(),              // 5.20
                new SeccompProfileCheck(),       // 5.21
                new ExecPrivilegedCheck(),       // 5.22
                new ExecRootUserCheck(),         // 5.23
                new CgroupParentCheck(),         // 5.24
                new NoNewPrivilegesCheck(),      // 5.25
                new HealthcheckCheck(),          // 5.26
                new LatestImageCheck(),          // 5.27
                new PidsLimitCheck(),            // 5.28
                new DefaultBridgeCheck(),        // 5.29
                new HostUserNamespaceCheck(),    // 5.30
                new DockerSocketCheck());        // 5.31
    }
}
