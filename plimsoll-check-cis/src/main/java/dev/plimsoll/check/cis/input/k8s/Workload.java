package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes object that runs pods, as read from a manifest: what the pod-level checks and the container
 * normalisation look at.
 *
 * <p>The pod spec is kept as the Jackson tree the manifest was read into rather than mapped to records: Pod Security
 * Admission distinguishes a field that is absent from one set to its default ({@code runAsNonRoot} unset vs
 * {@code false}), judges volume sources it does not otherwise model, and every verdict must name the exact field
 * path, all of which the tree gives directly; a record model of the whole PodSpec would be large and would still
 * need "was it set" flags. The tree belongs to this workload alone and is never modified after reading.
 *
 * @param namespace       {@code metadata.namespace}, "" when the manifest leaves it to the apply context
 * @param file            the file (or source name) it was read from
 * @param document        1-based number of the YAML document in that file
 * @param line            1-based line of the object (of the list item for objects inside a {@code kind: List})
 * @param podSpecPath     dotted path from the document root to {@code podSpec}, e.g. {@code spec.template.spec}
 *                        or {@code items[2].spec} inside a List
 * @param podAnnotations  the pod's annotations (of the template for controllers), where legacy seccomp and
 *                        AppArmor settings live
 * @param podMetadataPath dotted path from the document root to the pod's metadata
 * @param serviceAccounts the ServiceAccounts of the whole audit input this workload was read with (shared by all its
 *                        workloads), so a check can follow the pod to the account it runs as
 */
public record Workload(WorkloadKind kind, String namespace, String name, String file, int document, int line,
                       JsonNode podSpec, String podSpecPath, Map<String, String> podAnnotations,
                       String podMetadataPath, ServiceAccounts serviceAccounts) {
    public Workload {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(name);
        Objects.requireNonNull(file);
        Objects.requireNonNull(podSpec);
        Objects.requireNonNull(podSpecPath);
        podAnnotations = Map.copyOf(podAnnotations);
        Objects.requireNonNull(podMetadataPath);
        Objects.requireNonNull(serviceAccounts);
    }

    /** The same workload seen with the ServiceAccounts of a larger input (the reader's last step). */
    Workload withServiceAccounts(ServiceAccounts accounts) {
        return new Workload(kind, namespace, name, file, document, line, podSpec, podSpecPath, podAnnotations,
                podMetadataPath, accounts);
    }

    /** "Deployment/shop/web", or "Deployment/web" without a namespace. */
    public String displayName() {
        return kind.kind() + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    /** The full path of a field given relative to the pod spec ("hostPID" → "spec.template.spec.hostPID"). */
    public String path(String relativeToPodSpec) {
        return podSpecPath + "." + relativeToPodSpec;
    }

    /** The full path of one of the pod's annotations. */
    public String annotationPath(String key) {
        return podMetadataPath + ".annotations['" + key + "']";
    }

    /**
     * The ServiceAccount the pod runs as: {@code serviceAccountName}, else the deprecated alias
     * {@code serviceAccount} (the API server takes the alias only when the new field is empty), else "default".
     */
    public String serviceAccountName() {
        for (String field : List.of("serviceAccountName", "serviceAccount")) {
            JsonNode value = podSpec.path(field);
            if (value.isTextual() && !value.textValue().isEmpty()) {
                return value.textValue();
            }
        }
        return "default";
    }

    /** The pod's ServiceAccount in the workload's namespace, when the audit input declares it. */
    public Optional<ServiceAccount> serviceAccount() {
        return serviceAccounts.find(namespace, serviceAccountName());
    }

    /** The pod-level {@code securityContext}, a missing node when unset. */
    public JsonNode podSecurityContext() {
        return podSpec.path("securityContext");
    }

    /** {@code spec.os.name: windows}: Pod Security Admission exempts such pods from Linux-only controls. */
    public boolean windows() {
        return podSpec.path("os").path("name").asText("").equals("windows");
    }

    /** {@code hostUsers: false}: the pod runs in its own user namespace. */
    public boolean userNamespace() {
        JsonNode hostUsers = podSpec.path("hostUsers");
        return hostUsers.isBoolean() && !hostUsers.booleanValue();
    }

    /** Every container in Pod Security Admission's order: init containers, containers, ephemeral containers. */
    public List<PodContainer> containers() {
        List<PodContainer> out = new ArrayList<>();
        for (PodContainer.Type type : List.of(PodContainer.Type.INIT, PodContainer.Type.REGULAR,
                PodContainer.Type.EPHEMERAL)) {
            JsonNode list = podSpec.path(type.field());
            for (int i = 0; i < list.size(); i++) {
                JsonNode c = list.get(i);
                out.add(new PodContainer(type, i, c.path("name").asText(""), c,
                        path(type.field() + "[" + i + "]")));
            }
        }
        return out;
    }
}
