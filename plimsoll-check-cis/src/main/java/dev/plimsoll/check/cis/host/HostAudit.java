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

    /** Everything a host root tells: its daemon configuration is read from it (unit, env files, daemon.json). */
    public static Loaded<TargetAudit> audit(HostRoot root) {
        Loaded<DaemonConfig> daemon = DaemonConfigReader.read(root);
        DaemonConfig config = daemon.items().get(0);
        Loaded<TargetAudit> host = audit(root, config);
        List<TargetAudit> targets = new ArrayList<>(host.items());
        targets.add(1, DaemonAudit.audit(config));
        List<InputProblem> problems = new ArrayList<>(daemon.problems());
        problems.addAll(host.problems());
        return new Loaded<>(targets, problems);
    }

    /** Sections 1, 3, 6 and 7 of a host root whose daemon configuration is already known. */
    public static Loaded<TargetAudit> audit(HostRoot root, DaemonConfig daemon) {
        List<InputProblem> problems = new ArrayList<>();
        HostFacts facts = HostFactsCollector.collect(root, daemon, problems);
        List<CisCheck<HostFacts>> hostChecks = new ArrayList<>(HostChecks.standard());
        hostChecks.addAll(OperationsChecks.standard());
        hostChecks.addAll(SwarmChecks.standard());
        TargetAudit host = TargetAudit.run(new Target(Target.Kind.HOST, root.name()), hostChecks, facts);
        TargetAudit files = TargetAudit.run(new Target(Target.Kind.FILESYSTEM, root.name()),
                DaemonFileChecks.standard(), facts);
        return new Loaded<>(List.of(host, files), problems);
    }
}
