package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.check.cis.Evidence;
import java.util.ArrayList;
import java.util.List;

/** CIS 5.5: no security-sensitive host directory is bind-mounted, above all not writable. */
public final class SensitiveHostDirsCheck implements CisCheck<RunConfig> {
    /** The directories CIS names; "/" only as itself, since every path is below it. */
    static final List<String> SENSITIVE = List.of("/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr");
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.5",
            "Ensure sensitive host system directories are not mounted on containers", Severity.HIGH, "1",
            "Do not mount security-sensitive host directories (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr) "
                    + "into containers, above all not read-write."),
            "docker-bench-security matches the directories as substrings of the mount list, so it misses "
                    + "/etc/ssh or /usr/lib mounts and can match unrelated paths; paths are compared component by "
                    + "component (/etc/ssh is under /etc, /etcd is not). A read-only mount is INFO rather than "
                    + "ignored.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        List<Evidence> writable = new ArrayList<>();
        List<Evidence> readOnly = new ArrayList<>();
        for (RunConfig.Mount m : config.mounts()) {
            if (!m.type().equals("bind") || m.source().isBlank()) {
                continue;
            }
            String source = HostPaths.normalise(m.source());
            boolean sensitive = source.equals("/")
                    || SENSITIVE.stream().anyMatch(d -> HostPaths.isAtOrUnder(source, d));
            if (sensitive) {
                Evidence ev = ContainerMeta.evidence(config, RunField.MOUNTS,
                        m.source() + ":" + m.destination() + (m.readWrite() ? ":rw" : ":ro"));
                (m.readWrite() ? writable : readOnly).add(ev);
            }
        }
        if (!writable.isEmpty()) {
            writable.addAll(readOnly);
            return new CheckResult(dev.plimsoll.check.cis.CheckStatus.FAIL,
                    "sensitive host directory mounted read-write", writable);
        }
        if (!readOnly.isEmpty()) {
            return new CheckResult(dev.plimsoll.check.cis.CheckStatus.INFO,
                    "sensitive host directory mounted read-only", readOnly);
        }
        return CheckResult.pass("no sensitive host directory mounted",
                ContainerMeta.evidence(config, RunField.MOUNTS, config.mounts().size() + " mount(s)"));
    }
}
