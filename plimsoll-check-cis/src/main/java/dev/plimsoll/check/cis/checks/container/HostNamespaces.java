package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import java.util.Locale;

/** The host-namespace checks (network, PID, IPC, UTS, user) judge a namespace mode the same way. */
final class HostNamespaces {
    private HostNamespaces() {
    }

    static CheckResult judge(RunConfig config, RunField field, String mode, String namespace) {
        String shown = mode.isEmpty() ? "engine default (private)" : mode;
        var ev = ContainerMeta.evidence(config, field, shown);
        return mode.trim().toLowerCase(Locale.ROOT).equals("host")
                ? CheckResult.fail("shares the host's " + namespace + " namespace", ev)
                : CheckResult.pass("does not share the host's " + namespace + " namespace", ev);
    }
}
