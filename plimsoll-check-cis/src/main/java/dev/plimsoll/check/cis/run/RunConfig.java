package dev.plimsoll.check.cis.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one container runs, whatever described it: a {@code docker inspect} object, a Compose service, a
 * {@code docker run} line or a Kubernetes container with its pod. Every input is normalised to this, so each
 * container check (CIS section 5) is written once. Unset means "the engine's default", which is what the checks
 * judge; inputs do not invent values.
 *
 * @param name    the container, service or workload/container name the user knows it by
 * @param origin  where it came from, for messages ("compose.yaml", "docker inspect", "deploy.yaml")
 * @param capAdd  capability names upper-cased without the {@code CAP_} prefix; "ALL" stays "ALL"
 * @param user    the user as written ("1000", "root", "0:0", "app:app"); empty when not set (the image decides)
 * @param sources where each field was read in the input (JSON path, Compose key, flag), for evidence
 */
public record RunConfig(String name, String origin, Optional<String> image, boolean privileged, List<String> capAdd,
                        List<String> capDrop, Optional<String> user, Namespaces namespaces, List<Mount> mounts,
                        List<Device> devices, List<PortBinding> ports, Resources resources, List<Ulimit> ulimits,
                        SecurityOptions security, boolean readOnlyRootfs, Map<String, String> tmpfs,
                        RestartPolicy restart, Optional<HealthcheckSpec> healthcheck, Optional<String> cgroupParent,
                        Map<RunField, String> sources) {
    public RunConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(image);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        Objects.requireNonNull(user);
        Objects.requireNonNull(namespaces);
        mounts = List.copyOf(mounts);
        devices = List.copyOf(devices);
        ports = List.copyOf(ports);
        Objects.requireNonNull(resources);
        ulimits = List.copyOf(ulimits);
        Objects.requireNonNull(security);
        tmpfs = Map.copyOf(tmpfs);
        Objects.requireNonNull(restart);
        Objects.requireNonNull(healthcheck);
        Objects.requireNonNull(cgroupParent);
        sources = Map.copyOf(sources);
    }

    /** Where {@code field} was read, or a generic name of the setting when the input left it unset. */
    public String sourceOf(RunField field) {
        return sources.getOrDefault(field, field.displayName());
    }

    /**
     * Namespace modes as Docker writes them: "" (the engine default: private), "host", "private",
     * "container:NAME", for network also "bridge", "none" or a network name; for userns "host" or "".
     */
    public record Namespaces(String pid, String ipc, String uts, String network, String userns, String cgroupns) {
        public static final Namespaces DEFAULT = new Namespaces("", "", "", "", "", "");

        public Namespaces {
            Objects.requireNonNull(pid);
            Objects.requireNonNull(ipc);
            Objects.requireNonNull(uts);
            Objects.requireNonNull(network);
            Objects.requireNonNull(userns);
            Objects.requireNonNull(cgroupns);
        }
    }

    /**
     * @param type        bind, volume, tmpfs, npipe, cluster (Kubernetes hostPath is "bind", other volumes "volume")
     * @param source      host path for binds, volume name for volumes, "" for anonymous volumes and tmpfs
     * @param propagation "" when not set, else private, rprivate, shared, rshared, slave, rslave
     */
    public record Mount(String type, String source, String destination, boolean readWrite, String propagation) {
        public Mount {
            Objects.requireNonNull(type);
            Objects.requireNonNull(source);
            Objects.requireNonNull(destination);
            Objects.requireNonNull(propagation);
        }
    }

    /** @param permissions cgroup permissions, "rwm" by default */
    public record Device(String hostPath, String containerPath, String permissions) {
        public Device {
            Objects.requireNonNull(hostPath);
            Objects.requireNonNull(containerPath);
            Objects.requireNonNull(permissions);
        }
    }

    /**
     * A published port. {@code hostIp} "" means every interface (as do "0.0.0.0" and "::"); {@code hostPort} 0 means
     * an ephemeral port chosen by the engine.
     */
    public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {
        public PortBinding {
            Objects.requireNonNull(hostIp);
            Objects.requireNonNull(protocol);
        }

        public boolean allInterfaces() {
            return hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::") || hostIp.equals("[::]");
        }
    }

    /**
     * Limits; empty when not set. {@code memoryBytes} 0 from docker inspect means unlimited and is normalised to
     * empty, as are {@code cpuShares} 0 (default 1024) and {@code pidsLimit} 0 or -1 (unlimited).
     */
    public record Resources(OptionalLong memoryBytes, OptionalLong cpuShares, OptionalLong nanoCpus,
                            OptionalLong pidsLimit) {
        public static final Resources NONE = new Resources(OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty());

        public Resources {
            Objects.requireNonNull(memoryBytes);
            Objects.requireNonNull(cpuShares);
            Objects.requireNonNull(nanoCpus);
            Objects.requireNonNull(pidsLimit);
        }
    }

    public record Ulimit(String name, long soft, long hard) {
        public Ulimit {
            Objects.requireNonNull(name);
        }
    }

    /**
     * @param seccompProfile  empty: the engine default; "unconfined", or a profile path/name
     * @param apparmorProfile empty: the engine default (docker-default where AppArmor is on); "unconfined" or a name
     * @param selinuxOptions  the {@code label=} options ("disable", "type:svirt_apache_t", "level:s0:c100,c200")
     * @param noNewPrivileges empty when not set; {@code no-new-privileges:false} is present and false
     * @param raw             the security options as written, for evidence
     */
    public record SecurityOptions(Optional<String> seccompProfile, Optional<String> apparmorProfile,
                                  List<String> selinuxOptions, Optional<Boolean> noNewPrivileges, List<String> raw) {
        public static final SecurityOptions DEFAULT = new SecurityOptions(Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), List.of());

        public SecurityOptions {
            Objects.requireNonNull(seccompProfile);
            Objects.requireNonNull(apparmorProfile);
            selinuxOptions = List.copyOf(selinuxOptions);
            Objects.requireNonNull(noNewPrivileges);
            raw = List.copyOf(raw);
        }
    }

    /** @param name "", "no", "always", "unless-stopped", "on-failure" */
    public record RestartPolicy(String name, int maximumRetryCount) {
        public static final RestartPolicy NONE = new RestartPolicy("", 0);

        public RestartPolicy {
            Objects.requireNonNull(name);
        }
    }

    /**
     * A healthcheck set on the container itself (not inherited from the image). {@code test} as Docker stores it:
     * ["CMD", …], ["CMD-SHELL", "…"], or ["NONE"] which disables the image's healthcheck.
     */
    public record HealthcheckSpec(List<String> test) {
        public HealthcheckSpec {
            test = List.copyOf(test);
        }

        public boolean disabled() {
            return !test.isEmpty() && test.get(0).equals("NONE");
        }
    }
}
