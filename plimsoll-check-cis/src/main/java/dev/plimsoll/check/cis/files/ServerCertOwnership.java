package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.11: ensure that Docker server certificate file ownership is set to root:root. */
public final class ServerCertOwnership extends FileCheck {
    public ServerCertOwnership() {
        super("3.11", "Ensure that Docker server certificate file ownership is set to root:root", Severity.MEDIUM, FileKind.REGULAR, new Owned("root", "root"),
                "chown root:root on the Docker server certificate file");
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
