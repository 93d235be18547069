package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.9: ensure that TLS CA certificate file ownership is set to root:root. */
public final class TlsCaCertOwnership extends FileCheck {
    public TlsCaCertOwnership() {
        super("3.9", "Ensure that TLS CA certificate file ownership is set to root:root", Severity.MEDIUM, FileKind.REGULAR, new Owned("root", "root"),
                "chown root:root on the TLS CA certificate file");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return facts.daemon().text("tlscacert");
    }

    @Override
    protected String unconfigured() {
        return "the daemon sets no tlscacert";
    }
}
