package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;
import java.util.Set;

/**
 * PSS baseline "Sysctls": only the namespaced, isolated "safe" sysctls may be set (the list of Kubernetes 1.37, the
 * newest Pod Security Admission policy version).
 */
public final class Sysctls implements CisCheck<Workload> {
    static final Set<String> SAFE = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
            "net.ipv4.tcp_wmem", "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");
    private static final CheckMeta META = PssMeta.of("sysctls", PssMeta.BASELINE, "Sysctls", Severity.HIGH,
            "Set only safe sysctls in securityContext.sysctls (kernel.shm_rmid_forced and the listed net.ipv4 ones).");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        JsonNode sysctls = workload.podSecurityContext().path("sysctls");
        for (int i = 0; i < sysctls.size(); i++) {
            JsonNode name = sysctls.get(i).path("name");
            if (!SAFE.contains(Violations.text(name))) {
                violations.add(workload.path("securityContext.sysctls[" + i + "].name"), name);
            }
        }
        return violations.verdict("only safe sysctls are set", "unsafe sysctls");
    }
}
