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
 * PSS baseline "Capabilities": containers may add only capabilities of the container runtime's default set.
 * Compared exactly as Pod Security Admission does (case-sensitive, without a {@code CAP_} prefix).
 */
public final class CapabilitiesBaseline implements CisCheck<Workload> {
    static final Set<String> DEFAULT_SET = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final CheckMeta META = PssMeta.of("capabilities_baseline", PssMeta.BASELINE, "Capabilities",
            Severity.HIGH, "Add no capability beyond the runtime's default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE,"
                    + " FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID,"
                    + " SYS_CHROOT); NET_RAW and SYS_ADMIN in particular.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        for (PodContainer c : workload.containers()) {
            JsonNode add = c.securityContext().path("capabilities").path("add");
            for (int i = 0; i < add.size(); i++) {
                if (!DEFAULT_SET.contains(Violations.text(add.get(i)))) {
                    violations.add(c.path("securityContext.capabilities.add[" + i + "]"), add.get(i));
                }
            }
        }
        return violations.verdict("no container adds a capability beyond the default set",
                "capabilities beyond the default set are added");
    }
}
