package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.12: ensure that the Docker server certificate file permissions are set to 444 or more restrictively. */
public final class ServerCertPermissions extends FileCheck {
    public ServerCertPermissions() {
        super("3.12", "Ensure that the Docker server certificate file permissions are set to 444 or more restrictively", Severity.MEDIUM, FileKind.REGULAR, new ModeAtMost(0444),
                "chmod 444 the Docker server certificate file");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return facts.daemon().text("tlscert");
    }

    @Override
    protected String unconfigured() {
        return "the daemon sets no tlscert";
    }
}
