package dev.plimsoll.check.cis.input.k8s;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Kubernetes kinds that carry a pod template, with where the pod spec and the pod's metadata sit in each (the
 * same kinds Pod Security Admission extracts a pod spec from).
 */
public enum WorkloadKind {
    POD("Pod", "spec", "metadata"),
    DEPLOYMENT("Deployment", "spec.template.spec", "spec.template.metadata"),
    REPLICA_SET("ReplicaSet", "spec.template.spec", "spec.template.metadata"),
    REPLICATION_CONTROLLER("ReplicationController", "spec.template.spec", "spec.template.metadata"),
    STATEFUL_SET("StatefulSet", "spec.template.spec", "spec.template.metadata"),
    DAEMON_SET("DaemonSet", "spec.template.spec", "spec.template.metadata"),
    JOB("Job", "spec.template.spec", "spec.template.metadata"),
    CRON_JOB("CronJob", "spec.jobTemplate.spec.template.spec", "spec.jobTemplate.spec.template.metadata"),
    POD_TEMPLATE("PodTemplate", "template.spec", "template.metadata");

    private final String kind;
    private final String podSpecPath;
    private final String podMetadataPath;

    WorkloadKind(String kind, String podSpecPath, String podMetadataPath) {
        this.kind = kind;
        this.podSpecPath = podSpecPath;
        this.podMetadataPath = podMetadataPath;
    }

    /** The {@code kind} as written in a manifest. */
    public String kind() {
        return kind;
    }

    /** Dotted path from the object to its pod spec. */
    public String podSpecPath() {
        return podSpecPath;
    }

    /** Dotted path from the object to its pod's metadata (labels, annotations). */
    public String podMetadataPath() {
        return podMetadataPath;
    }

    /** Kinds are case-sensitive in Kubernetes; "deployment" is not a Deployment. */
    public static Optional<WorkloadKind> of(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }
}
