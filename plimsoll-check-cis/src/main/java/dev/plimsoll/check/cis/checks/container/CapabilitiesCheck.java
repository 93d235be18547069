package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CIS 5.3: no capability is added beyond the engine's default set. */
public final class CapabilitiesCheck implements CisCheck<RunConfig> {
    /** The capabilities Docker grants by default; adding one of them changes nothing. */
    static final Set<String> DEFAULT_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID",
            "SYS_CHROOT");
    private static final CheckMeta META = ContainerMeta.automated("5.3",
            "Ensure that Linux kernel capabilities are restricted within containers", Severity.HIGH, "1",
            "Drop all capabilities and add back only those the application needs: "
                    + "--cap-drop=all --cap-add=CAP1 ...");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        List<String> extra = config.capAdd().stream()
                .map(c -> c.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""))
                .filter(c -> !DEFAULT_CAPABILITIES.contains(c))
                .distinct().toList();
        if (!extra.isEmpty()) {
            return CheckResult.fail("capabilities added beyond the default set: " + String.join(", ", extra),
                    ContainerMeta.evidence(config, RunField.CAP_ADD, String.join(", ", config.capAdd())));
        }
        boolean dropsAll = config.capDrop().stream().anyMatch(c -> c.equalsIgnoreCase("ALL"));
        return CheckResult.pass(dropsAll ? "all capabilities dropped, only needed ones added"
                        : "no capability added beyond the default set",
                ContainerMeta.evidence(config, RunField.CAP_DROP,
                        config.capDrop().isEmpty() ? "none dropped" : String.join(", ", config.capDrop())));
    }
}
