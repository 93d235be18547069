package dev.plimsoll.cli;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.ContainerAudit;
import dev.plimsoll.check.cis.audit.Parallel;
import dev.plimsoll.check.cis.checks.k8s.K8sAudit;
import dev.plimsoll.check.cis.checks.k8s.PodSecurityChecks;
import dev.plimsoll.check.cis.input.k8s.K8sRunConfigs;
import dev.plimsoll.check.cis.input.k8s.ManifestReader;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll audit k8s FILE|DIR…}: every workload of the manifests against the Pod Security Standards (baseline
 * and restricted) and the pod hardening checks, and each of its containers, as a run configuration, against the
 * container checks of CIS section 5: the same checks a Docker container of the same settings gets.
 */
final class K8sAuditInput implements AuditInput {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("k8s");
        spec.usageMessage().description("Audit Kubernetes manifests (Pod, Deployment, ReplicaSet,"
                + " ReplicationController, StatefulSet, DaemonSet, Job, CronJob, PodTemplate; multi-document YAML,"
                + " JSON, List): Pod Security Standards, pod hardening, and CIS section 5 for each container.");
        spec.addPositional(PositionalParamSpec.builder().index("0..*").paramLabel("FILE|DIR").type(String[].class)
                .arity("1..*").description("Manifest files, or directories searched for *.yaml, *.yml, *.json.")
                .build());
        return spec;
    }

    @Override
    public Target target(ParseResult parsed) {
        return new Target(Target.Kind.MANIFEST, String.join(", ", paths(parsed)));
    }

    @Override
    public AuditRun audit(AuditRequest request) {
        List<Path> paths = new ArrayList<>();
        for (String p : paths(request.parsed())) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new UsageException("FILE: no such file or directory: " + p);
            }
            paths.add(path);
        }
        // One read for all of them: a pod in one file may run as a ServiceAccount declared in another.
        Loaded<Workload> workloads = new ManifestReader().readAll(paths);
        K8sAudit pods = new K8sAudit(request.checks().select(PodSecurityChecks.standard()));
        ContainerAudit containers = ContainerAudit.standard(request.checks());
        // Each workload, then its containers, in the order read; workloads in parallel when there are many.
        List<TargetAudit> audits = Parallel.stream(workloads.items())
                .flatMap(w -> Stream.concat(Stream.of(pods.audit(w)),
                        K8sRunConfigs.of(w).stream().map(containers::audit)))
                .toList();
        List<InputProblem> problems = new ArrayList<>(workloads.problems());
        return new AuditRun(audits, problems);
    }

    private static List<String> paths(ParseResult parsed) {
        return List.of(parsed.<String[]>matchedPositionalValue(0, new String[0]));
    }
}
