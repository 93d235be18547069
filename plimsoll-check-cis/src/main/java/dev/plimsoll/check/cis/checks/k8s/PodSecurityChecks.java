package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.Workload;
import java.util.List;

/**
 * The Kubernetes workload checks: every control of the Pod Security Standards (baseline, then restricted) under its
 * Pod Security Admission check id, judged as the newest admission policy does (pod-security-admission "latest",
 * policy versions up to Kubernetes 1.37), then the pod hardening checks K8S-n. A workload meets the restricted
 * standard when every check of both levels passes except those restricted ones replace: capabilities_baseline,
 * hostPathVolumes, seccompProfile_baseline and procMount (each is implied by its restricted counterpart).
 */
public final class PodSecurityChecks {
    private PodSecurityChecks() {
    }

    public static List<CisCheck<Workload>> standard() {
        return List.of(
                new HostNamespaces(),
                new Privileged(),
                new CapabilitiesBaseline(),
                new HostPathVolumes(),
                new HostPorts(),
                new HostProbesAndHostLifecycle(),
                new AppArmorProfile(),
                new SeLinuxOptions(),
                new ProcMount(),
                new SeccompProfileBaseline(),
                new Sysctls(),
                new WindowsHostProcess(),
                new RestrictedVolumes(),
                new AllowPrivilegeEscalation(),
                new RunAsNonRoot(),
                new RunAsUser(),
                new SeccompProfileRestricted(),
                new CapabilitiesRestricted(),
                new ProcMountRestricted(),
                new MemoryLimits(),
                new CpuLimits(),
                new ReadOnlyRootFilesystem(),
                new ImagePinned(),
                new ServiceAccountTokenAutomount());
    }
}
