package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.host.HostFacts;
import java.util.List;

/** CIS section 7 (Docker swarm configuration), in benchmark order. */
public final class SwarmChecks {
    private SwarmChecks() {
    }

    public static List<CisCheck<HostFacts>> standard() {
        return List.of(
                new ManagerCount(),
                new SwarmListenAddress(),
                new EncryptedOverlays(),
                new SwarmSecrets(),
                new AutolockEnabled(),
                new AutolockKeyRotated(),
                new NodeCertsRotated(),
                new CaCertsRotated(),
                new PlaneSeparation());
    }
}
