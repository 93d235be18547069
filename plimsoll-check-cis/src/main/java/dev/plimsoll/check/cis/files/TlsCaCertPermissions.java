package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.10: ensure that TLS CA certificate file permissions are set to 444 or more restrictively. */
public final class TlsCaCertPermissions extends FileCheck {
    public TlsCaCertPermissions() {
        super("3.10", "Ensure that TLS CA certificate file permissions are set to 444 or more restrictively", Severity.MEDIUM, FileKind.REGULAR, new ModeAtMost(0444),
                "chmod 444 the TLS CA certificate file");
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
