package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.18: ensure that daemon.json file permissions are set to 644 or more restrictive. */
public final class DaemonJsonPermissions extends FileCheck {
    public DaemonJsonPermissions() {
        super("3.18", "Ensure that daemon.json file permissions are set to 644 or more restrictive", Severity.MEDIUM, FileKind.REGULAR, new ModeAtMost(0644),
                "chmod 644 /etc/docker/daemon.json");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of(facts.daemonJsonPath());
    }
}
