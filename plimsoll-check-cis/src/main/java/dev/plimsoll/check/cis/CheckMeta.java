package dev.plimsoll.check.cis;

import dev.plimsoll.core.finding.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * A check's identity. {@code id} is the CIS Docker Benchmark v1.6.0 number as docker-bench-security 1.6.0 writes it
 * ("5.4", "2.2.1") or, for Kubernetes workloads, the Pod Security Admission check id ("privileged",
 * "runAsNonRoot"); {@code level} is "1"/"2" for CIS profile levels or "baseline"/"restricted" for PSS.
 *
 * @param scored      false for controls CIS marks "Manual", whose automated result is advice at most
 * @param differsFromDockerBench why our verdict deliberately differs from docker-bench-security's, when it does
 */
public record CheckMeta(String id, Section section, String title, Severity severity, String level, boolean scored,
                        String remediation, Optional<String> differsFromDockerBench) {
    public CheckMeta {
        Objects.requireNonNull(id);
        Objects.requireNonNull(section);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(level);
        Objects.requireNonNull(remediation);
        Objects.requireNonNull(differsFromDockerBench);
    }
}
