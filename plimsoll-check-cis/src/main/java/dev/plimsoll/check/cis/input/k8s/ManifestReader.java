package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Kubernetes manifests (multi-document YAML, JSON, {@code kind: List} and the {@code *List} kinds) into the
 * {@link Workload}s they declare. Objects of well-known kinds that run no pods (Service, ConfigMap, …) are skipped;
 * any other kind, a document without one, or a document that does not parse is an {@link InputProblem} naming the
 * file, document and line, and the rest of the input is still read.
 *
 * <p>Each read is one audit input: the core/v1 ServiceAccounts anywhere in it are indexed, and every workload it
 * returns carries that index ({@link Workload#serviceAccounts()}). Files that are applied together should therefore
 * be read by one call ({@link #readAll}), not read one by one and joined.
 */
public final class ManifestReader {
    /** Built-in kinds that declare no pod template: nothing to audit, and nothing wrong. */
    private static final Set<String> NOT_WORKLOADS = Set.of(
            "Service", "ConfigMap", "Secret", "Ingress", "IngressClass", "Namespace", "ServiceAccount", "Role",
            "ClusterRole", "RoleBinding", "ClusterRoleBinding", "PersistentVolume", "PersistentVolumeClaim",
            "StorageClass", "VolumeAttachment", "CSIDriver", "CSINode", "CSIStorageCapacity", "VolumeSnapshot",
            "VolumeSnapshotClass", "VolumeSnapshotContent", "NetworkPolicy", "PodDisruptionBudget",
            "HorizontalPodAutoscaler", "VerticalPodAutoscaler", "Endpoints", "EndpointSlice", "LimitRange",
            "ResourceQuota", "PriorityClass", "RuntimeClass", "CustomResourceDefinition", "APIService",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
            "Lease", "Event", "ControllerRevision", "CertificateSigningRequest", "FlowSchema",
            "PriorityLevelConfiguration", "IPAddress", "ServiceCIDR", "Node", "ComponentStatus",
            "Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute",
            "ReferenceGrant", "BackendTLSPolicy", "ResourceClaim", "ResourceClaimTemplate", "DeviceClass",
            "ResourceSlice", "Kustomization", "Component");

    private final ManifestLimits limits;
    private final YamlDocuments yaml;
    private final JsonDocuments json;

    public ManifestReader() {
        this(ManifestLimits.DEFAULT);
    }

    public ManifestReader(ManifestLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        this.yaml = new YamlDocuments(limits);
        this.json = new JsonDocuments(limits);
    }

    /**
     * Reads manifest files and directories (searched as by {@link #readTree}) as one audit input, in the order given:
     * a workload in one file sees the ServiceAccounts of all of them.
     */
    public Loaded<Workload> readAll(List<Path> paths) {
        Collected collected = new Collected();
        for (Path path : paths) {
            readPath(path, collected);
        }
        return collected.loaded();
    }

    /** Reads one manifest file, or a directory as {@link #readTree}; the path as given names it in messages. */
    public Loaded<Workload> read(Path file) {
        return readAll(List.of(file));
    }

    /** Reads a manifest from a stream (standard input, an archive entry); {@code source} names it in messages. */
    public Loaded<Workload> read(InputStream in, String source) {
        Collected collected = new Collected();
        readStream(in, source, collected);
        return collected.loaded();
    }

    /** Reads manifest text already in memory. */
    public Loaded<Workload> readText(String text, String source) {
        Collected collected = new Collected();
        readText(text, source, collected);
        return collected.loaded();
    }

    /**
     * Reads every {@code .yaml}, {@code .yml} and {@code .json} file under {@code root}, in path order. Symbolic
     * links are not followed (a link could lead out of the tree); each one met is reported. The walk stops at
     * {@link ManifestLimits#maxFiles()} files and {@link ManifestLimits#maxDirectoryDepth()} levels.
     */
    public Loaded<Workload> readTree(Path root) {
        Collected collected = new Collected();
        readTree(root, collected);
        return collected.loaded();
    }

    private void readPath(Path file, Collected out) {
        if (Files.isDirectory(file)) {
            readTree(file, out);
            return;
        }
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            readStream(in, source, out);
        } catch (IOException e) {
            out.problems.add(new InputProblem(source, "", "cannot read: " + describe(e)));
        }
    }

    private void readStream(InputStream in, String source, Collected out) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        } catch (IOException e) {
            out.problems.add(new InputProblem(source, "", "cannot read: " + describe(e)));
            return;
        }
        if (bytes.length > limits.maxFileBytes()) {
            out.problems.add(new InputProblem(source, "", "larger than " + limits.maxFileBytes()
                    + " bytes, not read"));
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            out.problems.add(new InputProblem(source, "", "not UTF-8 text"));
            return;
        }
        readText(text, source, out);
    }

    private void readText(String text, String source, Collected out) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<YamlDocuments.Result> documents = looksLikeJson(text, source) ? json.parse(text) : yaml.parse(text);
        if (!source.toLowerCase(Locale.ROOT).endsWith(".json") && looksLikeJson(text, source)
                && documents.stream().anyMatch(d -> d instanceof YamlDocuments.Failed)) {
            // A YAML flow mapping also starts with '{'; only a .json file is held to JSON's stricter grammar.
            documents = yaml.parse(text);
        }
        for (YamlDocuments.Result result : documents) {
            switch (result) {
                case YamlDocuments.Failed failed -> out.problems.add(new InputProblem(source,
                        "document " + failed.number() + ", line " + failed.line(), failed.reason()));
                case YamlDocuments.Parsed parsed -> collect(parsed.document().content(), "", parsed.document(),
                        source, out);
            }
        }
    }

    private void readTree(Path root, Collected out) {
        List<Path> files = new ArrayList<>();
        List<InputProblem> problems = out.problems;
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class),
                    limits.maxDirectoryDepth() + 1, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isSymbolicLink()) {
                                problems.add(new InputProblem(file.toString(), "",
                                        "symbolic link not followed"));
                            } else if (attrs.isDirectory()) {
                                problems.add(new InputProblem(file.toString(), "", "more than "
                                        + limits.maxDirectoryDepth() + " directory levels below "
                                        + root + ", not read"));
                            } else if (attrs.isRegularFile() && isManifestName(file)) {
                                if (files.size() == limits.maxFiles()) {
                                    problems.add(new InputProblem(root.toString(), "", "more than "
                                            + limits.maxFiles() + " manifest files; the rest were not read"));
                                    return FileVisitResult.TERMINATE;
                                }
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(new InputProblem(file.toString(), "", "cannot read: " + describe(e)));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(new InputProblem(root.toString(), "", "cannot read: " + describe(e)));
        }
        files.sort(null);
        for (Path file : files) {
            readPath(file, out);
        }
    }

    private static boolean isManifestName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static boolean looksLikeJson(String text, String source) {
        if (source.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private void collect(JsonNode object, String prefix, ManifestDocument document, String source, Collected out) {
        List<InputProblem> problems = out.problems;
        if (object.isNull() || object.isMissingNode()) {
            return;
        }
        String where = "document " + document.number() + ", line " + document.lineOf(object)
                + (prefix.isEmpty() ? "" : ", " + prefix.substring(0, prefix.length() - 1));
        if (!object.isObject()) {
            problems.add(new InputProblem(source, where,
                    "not a Kubernetes object (a mapping with apiVersion and kind)"));
            return;
        }
        JsonNode kindNode = object.path("kind");
        String kind = kindNode.isTextual() ? kindNode.textValue() : "";
        if (kind.isEmpty()) {
            problems.add(new InputProblem(source, where, "no kind: not a Kubernetes object"));
            return;
        }
        if (kind.endsWith("List") && object.has("items")) {
            JsonNode items = object.get("items");
            if (!items.isArray()) {
                problems.add(new InputProblem(source, where, kind + ": items is not a list"));
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                collect(items.get(i), prefix + "items[" + i + "].", document, source, out);
            }
            return;
        }
        if (kind.equals("ServiceAccount") && object.path("apiVersion").asText("").equals("v1")) {
            // Not audited itself, but a pod that runs as it may take its automountServiceAccountToken (K8S-5).
            serviceAccount(object, prefix, document, source).ifPresent(out.serviceAccounts::add);
            return;
        }
        Optional<WorkloadKind> workloadKind = WorkloadKind.of(kind);
        if (workloadKind.isEmpty()) {
            if (!NOT_WORKLOADS.contains(kind) && !(kind.endsWith("List") && NOT_WORKLOADS.contains(
                    kind.substring(0, kind.length() - 4)))) {
                String apiVersion = object.path("apiVersion").asText("");
                problems.add(new InputProblem(source, where, "unknown kind \"" + kind + "\""
                        + (apiVersion.isEmpty() ? "" : " (apiVersion " + apiVersion + ")")
                        + ": not a workload Plimsoll can audit"));
            }
            return;
        }
        workload(workloadKind.get(), object, prefix, document, source, where).ifPresentOrElse(out.workloads::add,
                () -> problems.add(new InputProblem(source, where, kind + " "
                        + object.path("metadata").path("name").asText("") + " has no pod spec at "
                        + prefix + workloadKind.get().podSpecPath() + " (or a container list there is not a list"
                        + " of mappings)")));
    }

    private static Optional<Workload> workload(WorkloadKind kind, JsonNode object, String prefix,
                                               ManifestDocument document, String source, String where) {
        JsonNode podSpec = at(object, kind.podSpecPath());
        if (!podSpec.isObject() || !wellShaped(podSpec)) {
            return Optional.empty();
        }
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            String generated = metadata.path("generateName").asText("");
            name = generated.isEmpty() ? "(unnamed, " + where + ")" : generated + "*";
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        at(object, kind.podMetadataPath()).path("annotations").properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                annotations.put(e.getKey(), e.getValue().asText());
            }
        });
        return Optional.of(new Workload(kind, metadata.path("namespace").asText(""), name, source,
                document.number(), document.lineOf(object), podSpec, prefix + kind.podSpecPath(), annotations,
                prefix + kind.podMetadataPath(), ServiceAccounts.NONE));
    }

    /** A ServiceAccount a pod can name: one without a name (or only a generateName) cannot be referred to. */
    private static Optional<ServiceAccount> serviceAccount(JsonNode object, String prefix, ManifestDocument document,
                                                           String source) {
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String objectPath = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        return Optional.of(new ServiceAccount(metadata.path("namespace").asText(""), name, source,
                document.number(), document.lineOf(object), objectPath, object.path("automountServiceAccountToken")));
    }

    /** Container and volume lists, when present, are lists of mappings: the checks index into them. */
    private static boolean wellShaped(JsonNode podSpec) {
        for (String list : List.of("containers", "initContainers", "ephemeralContainers", "volumes")) {
            JsonNode node = podSpec.path(list);
            if (node.isMissingNode() || node.isNull()) {
                continue;
            }
            if (!node.isArray()) {
                return false;
            }
            for (JsonNode item : node) {
                if (!item.isObject()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What one read has found so far; it becomes the read's result once, when the whole input is read. */
    private static final class Collected {
        final List<Workload> workloads = new ArrayList<>();
        final List<ServiceAccount> serviceAccounts = new ArrayList<>();
        final List<InputProblem> problems = new ArrayList<>();

        Loaded<Workload> loaded() {
            ServiceAccounts index = ServiceAccounts.of(serviceAccounts);
            List<Workload> bound = index.size() == 0 ? workloads
                    : workloads.stream().map(w -> w.withServiceAccounts(index)).toList();
            return new Loaded<>(bound, problems);
        }
    }
}
