package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.17: ensure that the daemon.json file ownership is set to root:root. */
public final class DaemonJsonOwnership extends FileCheck {
    public DaemonJsonOwnership() {
        super("3.17", "Ensure that the daemon.json file ownership is set to root:root", Severity.MEDIUM, FileKind.REGULAR, new Owned("root", "root"),
                "chown root:root /etc/docker/daemon.json");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return Optional.of(facts.daemonJsonPath());
    }
}
