package dev.plimsoll.check.cis.swarm;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.SwarmState;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/**
 * A section 7 check: N/A unless the host root is a swarm manager (its data root holds swarm/docker-state.json and a
 * node certificate that is not a worker's). docker-bench-security PASSes these when swarm mode is off, which a
 * score then counts as compliance with controls that do not apply.
 */
public abstract class SwarmCheck implements CisCheck<HostFacts> {
    static final String DIFFERS = "docker-bench-security reports PASS \"(Swarm mode not enabled)\" on a host that"
            + " is not in a swarm; Plimsoll reports N/A, and reads the swarm state from the data root.";
    private final CheckMeta meta;

    protected SwarmCheck(String id, String title, Severity severity, boolean scored, String remediation) {
        this.meta = new CheckMeta(id, Section.SWARM, title, severity, "1", scored, remediation,
                Optional.of(DIFFERS));
    }

    @Override
    public final CheckMeta meta() {
        return meta;
    }

    @Override
    public final CheckResult evaluate(HostFacts facts) {
        if (facts.swarm().isEmpty()) {
            return CheckResult.notApplicable("not a swarm node (no swarm state in " + facts.daemon().dataRoot()
                    + "/swarm)");
        }
        if (facts.swarm().get().manager().equals(Optional.of(false))) {
            return CheckResult.notApplicable("a swarm worker: the control is about managers");
        }
        return evaluate(facts.swarm().get());
    }

    protected abstract CheckResult evaluate(SwarmState swarm);
}
