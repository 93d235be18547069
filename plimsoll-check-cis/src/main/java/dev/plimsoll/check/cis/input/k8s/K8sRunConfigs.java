package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every container of a workload (init, regular and ephemeral) as a {@link RunConfig}, so the container checks of
 * CIS section 5 judge pods as they judge Docker containers. Container-level security settings take precedence over
 * the pod's, as the kubelet applies them. Where Kubernetes' default differs from Docker's, the Kubernetes default is
 * what the container gets and what is recorded:
 * <ul>
 *   <li>no seccomp profile anywhere means Unconfined (the kubelet's default unless it runs with
 *       {@code --seccomp-default}), while Docker applies its default profile;</li>
 *   <li>{@code hostNetwork} also shares the host's UTS namespace (the container runtime does so for host-network
 *       pods).</li>
 * </ul>
 * {@code sources} name the exact field each value was read from.
 */
public final class K8sRunConfigs {
    static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    static final String SECCOMP_CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/";
    static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    private K8sRunConfigs() {
    }

    public static List<RunConfig> of(Workload workload) {
        return workload.containers().stream().map(c -> of(workload, c)).toList();
    }

    public static RunConfig of(Workload workload, PodContainer container) {
        return new Builder(workload, container).build();
    }

    /** One container's normalisation; collects sources as it reads fields. */
    private static final class Builder {
        private final Workload workload;
        private final PodContainer container;
        private final JsonNode pod;
        private final JsonNode sc;
        private final JsonNode podSc;
        private final Map<RunField, String> sources = new EnumMap<>(RunField.class);

        Builder(Workload workload, PodContainer container) {
            this.workload = workload;
            this.container = container;
            this.pod = workload.podSpec();
            this.sc = container.securityContext();
            this.podSc = workload.podSecurityContext();
        }

        RunConfig build() {
            Optional<String> image = text(container.spec().path("image"));
            image.ifPresent(i -> sources.put(RunField.IMAGE, container.path("image")));
            boolean privileged = isTrue(sc.path("privileged"));
            if (privileged) {
                sources.put(RunField.PRIVILEGED, container.path("securityContext.privileged"));
            }
            boolean readOnly = isTrue(sc.path("readOnlyRootFilesystem"));
            if (readOnly) {
                sources.put(RunField.READ_ONLY, container.path("securityContext.readOnlyRootFilesystem"));
            }
            Map<String, String> tmpfs = new LinkedHashMap<>();
            List<RunConfig.Mount> mounts = mounts(tmpfs);
            return new RunConfig(workload.displayName() + "/" + container.name(), workload.file(), image,
                    privileged, capabilities("add", RunField.CAP_ADD), capabilities("drop", RunField.CAP_DROP),
                    user(), namespaces(), mounts, List.of(), ports(), resources(), List.of(), security(), readOnly,
                    tmpfs, restart(), healthcheck(), Optional.empty(), sources);
        }

        private List<String> capabilities(String field, RunField runField) {
            JsonNode list = sc.path("capabilities").path(field);
            List<String> out = new ArrayList<>();
            for (JsonNode each : list) {
                String name = each.asText("").toUpperCase(Locale.ROOT);
                out.add(name.startsWith("CAP_") ? name.substring(4) : name);
            }
            if (!out.isEmpty()) {
                sources.put(runField, container.path("securityContext.capabilities." + field));
            }
            return out;
        }

        /** runAsUser[:runAsGroup], each from the container, else the pod; runAsNonRoot names no user. */
        private Optional<String> user() {
            Optional<String> uid = integer(sc.path("runAsUser"), container.path("securityContext.runAsUser"))
                    .or(() -> integer(podSc.path("runAsUser"), workload.path("securityContext.runAsUser")));
            if (uid.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> gid = integer(sc.path("runAsGroup"), null)
                    .or(() -> integer(podSc.path("runAsGroup"), null));
            return Optional.of(uid.get() + gid.map(g -> ":" + g).orElse(""));
        }

        private Optional<String> integer(JsonNode node, String sourcePath) {
            if (!node.isIntegralNumber()) {
                return Optional.empty();
            }
            if (sourcePath != null) {
                sources.put(RunField.USER, sourcePath);
            }
            return Optional.of(node.bigIntegerValue().toString());
        }

        private RunConfig.Namespaces namespaces() {
            String pid = hostFlag("hostPID", RunField.PID);
            String ipc = hostFlag("hostIPC", RunField.IPC);
            String network = hostFlag("hostNetwork", RunField.NETWORK);
            String uts = "";
            if (network.equals("host")) {
                uts = "host";
                sources.put(RunField.UTS, workload.path("hostNetwork"));
            }
            String userns = "";
            JsonNode hostUsers = pod.path("hostUsers");
            if (hostUsers.isBoolean() && !hostUsers.booleanValue()) {
                userns = "private";
                sources.put(RunField.USERNS, workload.path("hostUsers"));
            }
            return new RunConfig.Namespaces(pid, ipc, uts, network, userns, "");
        }

        private String hostFlag(String field, RunField runField) {
            if (isTrue(pod.path(field))) {
                sources.put(runField, workload.path(field));
                return "host";
            }
            return "";
        }

        /** volumeMounts resolved against the pod's volumes; memory-backed emptyDirs go to {@code tmpfs}. */
        private List<RunConfig.Mount> mounts(Map<String, String> tmpfs) {
            Map<String, JsonNode> volumes = new LinkedHashMap<>();
            for (JsonNode volume : pod.path("volumes")) {
                volumes.putIfAbsent(volume.path("name").asText(""), volume);
            }
            List<RunConfig.Mount> out = new ArrayList<>();
            JsonNode volumeMounts = container.spec().path("volumeMounts");
            for (int i = 0; i < volumeMounts.size(); i++) {
                JsonNode mount = volumeMounts.get(i);
                JsonNode volume = volumes.get(mount.path("name").asText(""));
                if (volume == null) {
                    continue;
                }
                String destination = mount.path("mountPath").asText("");
                JsonNode emptyDir = volume.path("emptyDir");
                if (emptyDir.path("medium").asText("").equals("Memory")) {
                    tmpfs.put(destination, Quantity.of(emptyDir.path("sizeLimit")).flatMap(Quantity::bytes)
                            .map(size -> "size=" + size).orElse(""));
                    sources.put(RunField.TMPFS, container.path("volumeMounts[" + i + "]"));
                    continue;
                }
                boolean hostPath = volume.path("hostPath").isObject();
                out.add(new RunConfig.Mount(hostPath ? "bind" : "volume",
                        hostPath ? volume.path("hostPath").path("path").asText("") : volume.path("name").asText(""),
                        destination, !isTrue(mount.path("readOnly")),
                        propagation(mount.path("mountPropagation").asText(""))));
                sources.putIfAbsent(RunField.MOUNTS, container.path("volumeMounts"));
            }
            return out;
        }

        private static String propagation(String mode) {
            return switch (mode) {
                case "Bidirectional" -> "rshared";
                case "HostToContainer" -> "rslave";
                case "None" -> "rprivate";
                default -> "";
            };
        }

        /** Only ports bound on the node (hostPort) are published; a containerPort alone is not. */
        private List<RunConfig.PortBinding> ports() {
            List<RunConfig.PortBinding> out = new ArrayList<>();
            JsonNode ports = container.spec().path("ports");
            for (JsonNode port : ports) {
                long hostPort = port.path("hostPort").asLong(0);
                if (hostPort > 0 && hostPort <= 65535) {
                    out.add(new RunConfig.PortBinding(port.path("hostIP").asText(""), (int) hostPort,
                            port.path("containerPort").asInt(0),
                            port.path("protocol").asText("TCP").toLowerCase(Locale.ROOT)));
                }
            }
            if (!out.isEmpty()) {
                sources.put(RunField.PORTS, container.path("ports"));
            }
            return out;
        }

        private RunConfig.Resources resources() {
            JsonNode limits = container.spec().path("resources").path("limits");
            Optional<Long> memory = Quantity.of(limits.path("memory")).filter(q -> q.signum() > 0)
                    .flatMap(Quantity::bytes);
            Optional<Long> cpu = Quantity.of(limits.path("cpu")).filter(q -> q.signum() > 0)
                    .flatMap(Quantity::nanoCpus);
            memory.ifPresent(m -> sources.put(RunField.MEMORY, container.path("resources.limits.memory")));
            cpu.ifPresent(c -> sources.put(RunField.CPUS, container.path("resources.limits.cpu")));
            return new RunConfig.Resources(optional(memory), OptionalLong.empty(), optional(cpu),
                    OptionalLong.empty());
        }

        private static OptionalLong optional(Optional<Long> value) {
            return value.map(OptionalLong::of).orElse(OptionalLong.empty());
        }

        private RunConfig.SecurityOptions security() {
            List<String> raw = new ArrayList<>();
            Optional<String> seccomp = seccomp();
            raw.add("seccomp=" + seccomp.orElse("RuntimeDefault"));
            Optional<String> apparmor = apparmor();
            apparmor.ifPresent(a -> raw.add("apparmor=" + a));
            List<String> selinux = selinux();
            selinux.forEach(option -> raw.add("label=" + option));
            Optional<Boolean> noNewPrivileges = Optional.empty();
            JsonNode escalation = sc.path("allowPrivilegeEscalation");
            if (escalation.isBoolean()) {
                noNewPrivileges = Optional.of(!escalation.booleanValue());
                raw.add("no-new-privileges:" + !escalation.booleanValue());
                sources.putIfAbsent(RunField.SECURITY_OPT, container.path("securityContext.allowPrivilegeEscalation"));
            }
            return new RunConfig.SecurityOptions(seccomp, apparmor, selinux, noNewPrivileges, raw);
        }

        /**
         * The container's, or else the pod's, securityContext profile object {@code field} (seccompProfile,
         * appArmorProfile) as the profile it sets: empty inside for RuntimeDefault, a Localhost profile's name, or
         * "unconfined"; empty when neither sets the field.
         */
        private Optional<Optional<String>> profileField(String field) {
            for (var candidate : List.of(
                    Map.entry(sc.path(field), container.path("securityContext." + field)),
                    Map.entry(podSc.path(field), workload.path("securityContext." + field)))) {
                JsonNode profile = candidate.getKey();
                if (profile.isObject()) {
                    sources.put(RunField.SECURITY_OPT, candidate.getValue());
                    return Optional.of(switch (profile.path("type").asText("")) {
                        case "RuntimeDefault" -> Optional.<String>empty();
                        case "Localhost" -> Optional.of(profile.path("localhostProfile").asText(""));
                        default -> Optional.of("unconfined");
                    });
                }
            }
            return Optional.empty();
        }

        /** Empty for the runtime's default profile, "unconfined", or a Localhost profile's path. */
        private Optional<String> seccomp() {
            Optional<Optional<String>> field = profileField("seccompProfile");
            if (field.isPresent()) {
                return field.get();
            }
            for (String key : List.of(SECCOMP_CONTAINER_ANNOTATION + container.name(), SECCOMP_POD_ANNOTATION)) {
                String value = workload.podAnnotations().get(key);
                if (value != null) {
                    sources.put(RunField.SECURITY_OPT, workload.annotationPath(key));
                    if (value.equals("runtime/default") || value.equals("docker/default")) {
                        return Optional.empty();
                    }
                    return Optional.of(value.startsWith("localhost/") ? value.substring("localhost/".length())
                            : "unconfined");
                }
            }
            // Nothing set: the kubelet runs the container unconfined (unless started with --seccomp-default).
            return Optional.of("unconfined");
        }

        /** Empty for the runtime default (also when unset), "unconfined", or a Localhost profile's name. */
        private Optional<String> apparmor() {
            Optional<Optional<String>> field = profileField("appArmorProfile");
            if (field.isPresent()) {
                return field.get();
            }
            String key = APPARMOR_ANNOTATION + container.name();
            String value = workload.podAnnotations().get(key);
            if (value == null || value.isEmpty() || value.equals("runtime/default")) {
                return Optional.empty();
            }
            sources.put(RunField.SECURITY_OPT, workload.annotationPath(key));
            return Optional.of(value.startsWith("localhost/") ? value.substring("localhost/".length()) : value);
        }

        /** The container's seLinuxOptions, else the pod's (the whole struct, as the kubelet takes it). */
        private List<String> selinux() {
            JsonNode options = sc.path("seLinuxOptions").isObject() ? sc.path("seLinuxOptions")
                    : podSc.path("seLinuxOptions");
            List<String> out = new ArrayList<>();
            for (String field : List.of("user", "role", "type", "level")) {
                String value = options.path(field).asText("");
                if (!value.isEmpty()) {
                    out.add(field + ":" + value);
                }
            }
            return out;
        }

        /** The container's own restartPolicy (sidecar init containers), else the pod's. */
        private RunConfig.RestartPolicy restart() {
            JsonNode own = container.spec().path("restartPolicy");
            JsonNode policy = own.isTextual() ? own : pod.path("restartPolicy");
            if (!policy.isTextual()) {
                return RunConfig.RestartPolicy.NONE;
            }
            sources.put(RunField.RESTART, own.isTextual() ? container.path("restartPolicy")
                    : workload.path("restartPolicy"));
            return switch (policy.textValue()) {
                case "Always" -> new RunConfig.RestartPolicy("always", 0);
                case "OnFailure" -> new RunConfig.RestartPolicy("on-failure", 0);
                case "Never" -> new RunConfig.RestartPolicy("no", 0);
                default -> RunConfig.RestartPolicy.NONE;
            };
        }

        /**
         * A liveness or readiness probe is the container's healthcheck. An exec probe becomes Docker's
         * {@code ["CMD", …]}; the kubelet's own probe kinds, which Docker has no form for, become
         * {@code ["PROBE", kind]}.
         */
        private Optional<RunConfig.HealthcheckSpec> healthcheck() {
            for (String field : List.of("livenessProbe", "readinessProbe")) {
                JsonNode probe = container.spec().path(field);
                if (!probe.isObject()) {
                    continue;
                }
                sources.put(RunField.HEALTHCHECK, container.path(field));
                JsonNode command = probe.path("exec").path("command");
                if (command.isArray() && !command.isEmpty()) {
                    List<String> test = new ArrayList<>(List.of("CMD"));
                    command.forEach(part -> test.add(part.asText("")));
                    return Optional.of(new RunConfig.HealthcheckSpec(test));
                }
                for (String kind : List.of("httpGet", "tcpSocket", "grpc")) {
                    if (probe.path(kind).isObject()) {
                        return Optional.of(new RunConfig.HealthcheckSpec(List.of("PROBE", kind)));
                    }
                }
                return Optional.of(new RunConfig.HealthcheckSpec(List.of("PROBE")));
            }
            return Optional.empty();
        }

        private static Optional<String> text(JsonNode node) {
            return node.isTextual() && !node.textValue().isEmpty() ? Optional.of(node.textValue())
                    : Optional.empty();
        }

        private static boolean isTrue(JsonNode node) {
            return node.isBoolean() && node.booleanValue();
        }
    }
}
