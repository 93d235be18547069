package dev.plimsoll.report;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.audit.AuditFindings;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.CheckSelection;
import dev.plimsoll.check.cis.audit.ContainerAudit;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FindingKind;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.scan.ScanResult;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A container audit as {@code plimsoll audit} reports it: a hardened container, one with most mistakes, one left at
 * the engine's defaults, and a service that could not be read; judged by a policy failing compliance at MEDIUM.
 */
final class ComplianceScans {
    private ComplianceScans() {
    }

    static Report containerAudit() {
        RunConfig hardened = new RunConfig("web", "compose.yaml", Optional.of("nginx:1.25"), false, List.of(),
                List.of("ALL"), Optional.of("101:101"), new RunConfig.Namespaces("", "", "", "frontend", "", ""),
                List.of(new RunConfig.Mount("volume", "static", "/usr/share/nginx/html", false, "")), List.of(),
                List.of(new RunConfig.PortBinding("127.0.0.1", 8080, 80, "tcp")),
                new RunConfig.Resources(OptionalLong.of(268_435_456L), OptionalLong.of(512), OptionalLong.empty(),
                        OptionalLong.of(100)),
                List.of(new RunConfig.Ulimit("nofile", 1024, 2048)),
                new RunConfig.SecurityOptions(Optional.empty(), Optional.empty(), List.of("type:svirt_apache_t"),
                        Optional.of(true), List.of("label=type:svirt_apache_t", "no-new-privileges:true")),
                true, Map.of("/tmp", "size=64m"), new RunConfig.RestartPolicy("on-failure", 5),
                Optional.of(new RunConfig.HealthcheckSpec(List.of("CMD", "curl", "-f", "http://localhost/"))),
                Optional.empty(), Map.of(RunField.USER, "services.web.user", RunField.PORTS, "services.web.ports"));
        RunConfig risky = new RunConfig("agent", "compose.yaml", Optional.of("agent:latest"), true,
                List.of("SYS_ADMIN"), List.of(), Optional.of("0:0"),
                new RunConfig.Namespaces("host", "", "", "host", "", ""),
                List.of(new RunConfig.Mount("bind", "/var/run", "/host/run", true, "rshared"),
                        new RunConfig.Mount("bind", "/etc", "/host/etc", false, "")),
                List.of(new RunConfig.Device("/dev/kmsg", "/dev/kmsg", "rwm")),
                List.of(new RunConfig.PortBinding("::", 443, 8443, "tcp")), RunConfig.Resources.NONE, List.of(),
                new RunConfig.SecurityOptions(Optional.of("unconfined"), Optional.empty(), List.of("disable"),
                        Optional.of(false), List.of("seccomp=unconfined", "label=disable", "no-new-privileges:false")),
                false, Map.of(), new RunConfig.RestartPolicy("always", 0),
                Optional.of(new RunConfig.HealthcheckSpec(List.of("NONE"))), Optional.of("/custom"),
                Map.of(RunField.PRIVILEGED, "services.agent.privileged", RunField.MOUNTS, "services.agent.volumes"));
        RunConfig defaults = new RunConfig("batch", "compose.yaml", Optional.of("batch:2"), false, List.of(),
                List.of(), Optional.empty(), RunConfig.Namespaces.DEFAULT, List.of(), List.of(), List.of(),
                RunConfig.Resources.NONE, List.of(), RunConfig.SecurityOptions.DEFAULT, false, Map.of(),
                RunConfig.RestartPolicy.NONE, Optional.empty(), Optional.empty(), Map.of());
        AuditRun run = ContainerAudit.standard(CheckSelection.ALL).audit(new Loaded<>(
                List.of(hardened, risky, defaults),
                List.of(new InputProblem("compose.yaml", "services.db", "undefined variable DB_TAG and no default"))));
        ScanResult scan = AuditFindings.scanResult(new Target(Target.Kind.CONTAINER, "compose.yaml"), run);
        Set<String> failing = new HashSet<>();
        for (Finding f : scan.findings()) {
            if (f instanceof ComplianceFinding c && c.outcome() == ComplianceFinding.Outcome.FAIL
                    && c.severity().compareTo(Severity.MEDIUM) >= 0) {
                failing.add(f.fingerprint().value());
            }
        }
        Map<FindingKind, Severity> thresholds = new EnumMap<>(FindingKind.class);
        thresholds.put(FindingKind.COMPLIANCE, Severity.MEDIUM);
        return new Report(scan, SampleScans.TOOL, SampleScans.CREATED,
                Optional.of(new PolicyVerdict("plimsoll.yaml", thresholds, failing, Map.of())));
    }
}
