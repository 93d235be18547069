package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.14: ensure that the Docker server certificate key file permissions are set to 400. */
public final class ServerKeyPermissions extends FileCheck {
    public ServerKeyPermissions() {
        super("3.14", "Ensure that the Docker server certificate key file permissions are set to 400", Severity.HIGH, FileKind.REGULAR, new ModeAtMost(0400),
                "chmod 400 the Docker server certificate key file");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return facts.daemon().text("tlskey");
    }

    @Override
    protected String unconfigured() {
        return "the daemon sets no tlskey";
    }
}
