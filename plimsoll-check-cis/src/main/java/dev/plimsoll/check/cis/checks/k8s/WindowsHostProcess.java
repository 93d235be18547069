package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;

/** PSS baseline "HostProcess": Windows HostProcess containers (full host access) must not be requested. */
public final class WindowsHostProcess implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("windowsHostProcess", PssMeta.BASELINE, "HostProcess",
            Severity.CRITICAL, "Remove securityContext.windowsOptions.hostProcess (or set it to false).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        if (Violations.isTrue(workload.podSecurityContext().path("windowsOptions").path("hostProcess"))) {
            violations.add(workload.path("securityContext.windowsOptions.hostProcess"), "true");
        }
        for (PodContainer c : workload.containers()) {
            if (Violations.isTrue(c.securityContext().path("windowsOptions").path("hostProcess"))) {
                violations.add(c.path("securityContext.windowsOptions.hostProcess"), "true");
            }
        }
        return violations.verdict("no Windows HostProcess container", "Windows HostProcess requested");
    }
}
