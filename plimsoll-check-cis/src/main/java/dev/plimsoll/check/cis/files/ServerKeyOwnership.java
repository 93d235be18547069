package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.13: ensure that the Docker server certificate key file ownership is set to root:root. */
public final class ServerKeyOwnership extends FileCheck {
    public ServerKeyOwnership() {
        super("3.13", "Ensure that the Docker server certificate key file ownership is set to root:root", Severity.HIGH, FileKind.REGULAR, new Owned("root", "root"),
                "chown root:root on the Docker server certificate key file");
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
