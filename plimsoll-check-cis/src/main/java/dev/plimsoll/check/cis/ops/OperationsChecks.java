package dev.plimsoll.check.cis.ops;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.host.HostFacts;
import java.util.List;

/** CIS section 6 (Docker security operations), in benchmark order. */
public final class OperationsChecks {
    private OperationsChecks() {
    }

    public static List<CisCheck<HostFacts>> standard() {
        return List.of(
                new ImageSprawl(),
                new ContainerSprawl());
    }
}
