package dev.plimsoll.check.cis.audit;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.checks.container.ContainerChecks;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.core.finding.Target;
import java.util.List;

/** Runs the container checks on every container an input read: one {@link TargetAudit} each. */
public final class ContainerAudit {
    private final List<CisCheck<RunConfig>> checks;

    public ContainerAudit(List<CisCheck<RunConfig>> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The standard container checks that {@code selection} keeps. */
    public static ContainerAudit standard(CheckSelection selection) {
        return new ContainerAudit(selection.select(ContainerChecks.standard()));
    }

    public List<CisCheck<RunConfig>> checks() {
        return checks;
    }

    public AuditRun audit(Loaded<RunConfig> loaded) {
        List<TargetAudit> audits = Parallel.stream(loaded.items()).map(this::audit).toList();
        return new AuditRun(audits, loaded.problems());
    }

    public TargetAudit audit(RunConfig config) {
        return TargetAudit.run(target(config), checks, config);
    }

    /** The container as the user knows it, with where it was read: "web (compose.yaml)". */
    public static Target target(RunConfig config) {
        return new Target(Target.Kind.CONTAINER,
                config.origin().isBlank() ? config.name() : config.name() + " (" + config.origin() + ")");
    }
}
