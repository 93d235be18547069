package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.daemon.DaemonAudit;
import dev.plimsoll.check.cis.files.DaemonFileChecks;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.check.cis.input.daemon.DaemonConfigReader;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.HostFactsCollector;
import dev.plimsoll.check.cis.input.host.HostRoot;
import dev.plimsoll.check.cis.ops.OperationsChecks;
import dev.plimsoll.check.cis.swarm.SwarmChecks;
import dev.plimsoll.core.finding.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of a host root. Targets: the host ({@code host ROOT}: sections 1, 6 and 7), the daemon's configuration
 * files ({@code filesystem ROOT}: section 3, each result's evidence names its file) and, when the daemon configuration
 * is read here too, the daemon ({@code host dockerd on ROOT}: section 2).
 */
public final class HostAudit {
    private HostAudit() {
    }

    /**
     * Everything a host root tells: its daemon configuration is read from it (unit, env files, daemon.json). The
     * daemon target is left out when the root shows no Docker engine (no dockerd, docker.service or daemon
     * configuration): its verdicts would judge defaults nobody runs.
     */
    public static Loaded<TargetAudit> audit(HostRoot root) {
        Loaded<DaemonConfig> daemon = DaemonConfigReader.read(root);
        DaemonConfig config = daemon.items().get(0);
        List<InputProblem> problems = new ArrayList<>(daemon.problems());
        HostFacts facts = HostFactsCollector.collect(root, config, problems);
        List<TargetAudit> targets = new ArrayList<>(audit(root.name(), facts));
        if (engineInstalled(facts)) {
            targets.add(1, DaemonAudit.audit(config));
        }
        return new Loaded<>(targets, problems);
    }

    /** Sections 1, 3, 6 and 7 of a host root whose daemon configuration is already known. */
    public static Loaded<TargetAudit> audit(HostRoot root, DaemonConfig daemon) {
        List<InputProblem> problems = new ArrayList<>();
        HostFacts facts = HostFactsCollector.collect(root, daemon, problems);
        return new Loaded<>(audit(root.name(), facts), problems);
    }

    /** Sections 1, 6 and 7 on {@code host NAME}, section 3 on {@code filesystem NAME}, from collected facts. */
    public static List<TargetAudit> audit(String name, HostFacts facts) {
        List<CisCheck<HostFacts>> hostChecks = new ArrayList<>(HostChecks.standard());
        hostChecks.addAll(OperationsChecks.standard());
        hostChecks.addAll(SwarmChecks.standard());
        return List.of(TargetAudit.run(new Target(Target.Kind.HOST, name), hostChecks, facts),
                TargetAudit.run(new Target(Target.Kind.FILESYSTEM, name), DaemonFileChecks.standard(), facts));
    }

    private static boolean engineInstalled(HostFacts facts) {
        return facts.file(facts.dockerdPath()).isPresent() || facts.dockerService().isPresent()
                || !facts.daemon().sources().isEmpty();
    }
}
