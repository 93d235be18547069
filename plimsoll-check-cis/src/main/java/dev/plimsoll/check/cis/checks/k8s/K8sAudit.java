package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Target;
import java.util.List;
import java.util.Objects;

/**
 * Audits Kubernetes workloads: one {@link TargetAudit} per workload object, named "FILE: Kind/namespace/name", with
 * every check's verdict. The manifests' reading problems are kept beside the audits so the report can say which
 * objects were not audited.
 */
public final class K8sAudit {
    private final List<? extends CisCheck<? super Workload>> checks;

    /** With {@link PodSecurityChecks#standard()}. */
    public K8sAudit() {
        this(PodSecurityChecks.standard());
    }

    public K8sAudit(List<? extends CisCheck<? super Workload>> checks) {
        this.checks = List.copyOf(Objects.requireNonNull(checks));
    }

    /** Every workload audited; {@code problems} are the input's, unchanged. */
    public Loaded<TargetAudit> audit(Loaded<Workload> workloads) {
        return new Loaded<>(dev.plimsoll.check.cis.audit.Parallel.stream(workloads.items()).map(this::audit).toList(),
                workloads.problems());
    }

    public TargetAudit audit(Workload workload) {
        return TargetAudit.run(target(workload), checks, workload);
    }

    /** The target a workload is reported under. */
    public static Target target(Workload workload) {
        return new Target(Target.Kind.MANIFEST, workload.file() + ": " + workload.displayName());
    }
}
