package dev.plimsoll.check.cis.input;

import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunConfig.Device;
import dev.plimsoll.check.cis.run.RunConfig.HealthcheckSpec;
import dev.plimsoll.check.cis.run.RunConfig.Mount;
import dev.plimsoll.check.cis.run.RunConfig.PortBinding;
import dev.plimsoll.check.cis.run.RunConfig.RestartPolicy;
import dev.plimsoll.check.cis.run.RunConfig.SecurityOptions;
import dev.plimsoll.check.cis.run.RunConfig.Ulimit;
import dev.plimsoll.check.cis.run.RunField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Collects one container's settings while an input reader walks its description, remembering where each was read.
 * Each reader fills one builder per container and throws it away after {@link #build()}.
 */
public final class RunConfigBuilder {
    private final String name;
    private final String origin;
    private final Map<RunField, String> sources = new EnumMap<>(RunField.class);
    private Optional<String> image = Optional.empty();
    private boolean privileged;
    private final List<String> capAdd = new ArrayList<>();
    private final List<String> capDrop = new ArrayList<>();
    private Optional<String> user = Optional.empty();
    private String pid = "";
    private String ipc = "";
    private String uts = "";
    private String network = "";
    private String userns = "";
    private String cgroupns = "";
    private final List<Mount> mounts = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();
    private final List<PortBinding> ports = new ArrayList<>();
    private OptionalLong memory = OptionalLong.empty();
    private OptionalLong cpuShares = OptionalLong.empty();
    private OptionalLong nanoCpus = OptionalLong.empty();
    private OptionalLong pidsLimit = OptionalLong.empty();
    private final Map<String, Ulimit> ulimits = new LinkedHashMap<>();
    private SecurityOptions security = SecurityOptions.DEFAULT;
    private boolean readOnly;
    private final Map<String, String> tmpfs = new LinkedHashMap<>();
    private RestartPolicy restart = RestartPolicy.NONE;
    private Optional<HealthcheckSpec> healthcheck = Optional.empty();
    private Optional<String> cgroupParent = Optional.empty();

    public RunConfigBuilder(String name, String origin) {
        this.name = name;
        this.origin = origin;
    }

    private RunConfigBuilder from(RunField field, String source) {
        sources.put(field, source);
        return this;
    }

    public RunConfigBuilder image(String value, String source) {
        image = nonEmpty(value);
        return from(RunField.IMAGE, source);
    }

    public RunConfigBuilder privileged(boolean value, String source) {
        privileged = value;
        return from(RunField.PRIVILEGED, source);
    }

    public RunConfigBuilder capAdd(List<String> names, String source) {
        names.forEach(n -> capAdd.add(DockerValues.capability(n)));
        return from(RunField.CAP_ADD, source);
    }

    public RunConfigBuilder capDrop(List<String> names, String source) {
        names.forEach(n -> capDrop.add(DockerValues.capability(n)));
        return from(RunField.CAP_DROP, source);
    }

    public RunConfigBuilder user(String value, String source) {
        user = nonEmpty(value);
        return from(RunField.USER, source);
    }

    public RunConfigBuilder pid(String value, String source) {
        pid = value;
        return from(RunField.PID, source);
    }

    public RunConfigBuilder ipc(String value, String source) {
        ipc = value;
        return from(RunField.IPC, source);
    }

    public RunConfigBuilder uts(String value, String source) {
        uts = value;
        return from(RunField.UTS, source);
    }

    public RunConfigBuilder network(String value, String source) {
        network = value;
        return from(RunField.NETWORK, source);
    }

    public RunConfigBuilder userns(String value, String source) {
        userns = value;
        return from(RunField.USERNS, source);
    }

    public RunConfigBuilder cgroupns(String value, String source) {
        cgroupns = value;
        return from(RunField.CGROUPNS, source);
    }

    public RunConfigBuilder mount(Mount mount, String source) {
        // A later mount on the same destination replaces the earlier one, as the engine refuses duplicates and
        // Compose's extends/override merge by target.
        mounts.removeIf(m -> m.destination().equals(mount.destination()));
        mounts.add(mount);
        return from(RunField.MOUNTS, source);
    }

    public RunConfigBuilder device(Device device, String source) {
        devices.add(device);
        return from(RunField.DEVICES, source);
    }

    public RunConfigBuilder port(PortBinding port, String source) {
        if (!ports.contains(port)) {
            ports.add(port);
        }
        return from(RunField.PORTS, source);
    }

    /** Docker's "0 means unlimited" is normalised to empty, as RunConfig's Javadoc says. */
    public RunConfigBuilder memory(long bytes, String source) {
        memory = bytes > 0 ? OptionalLong.of(bytes) : OptionalLong.empty();
        return from(RunField.MEMORY, source);
    }

    public RunConfigBuilder cpuShares(long shares, String source) {
        cpuShares = shares > 0 ? OptionalLong.of(shares) : OptionalLong.empty();
        return from(RunField.CPU_SHARES, source);
    }

    public RunConfigBuilder nanoCpus(long nanos, String source) {
        nanoCpus = nanos > 0 ? OptionalLong.of(nanos) : OptionalLong.empty();
        return from(RunField.CPUS, source);
    }

    /** 0 and negative values (-1) mean unlimited. */
    public RunConfigBuilder pidsLimit(long limit, String source) {
        pidsLimit = limit > 0 ? OptionalLong.of(limit) : OptionalLong.empty();
        return from(RunField.PIDS_LIMIT, source);
    }

    public RunConfigBuilder ulimit(Ulimit ulimit, String source) {
        ulimits.put(ulimit.name(), ulimit);
        return from(RunField.ULIMITS, source);
    }

    public RunConfigBuilder security(SecurityOptions options, String source) {
        security = options;
        return from(RunField.SECURITY_OPT, source);
    }

    public RunConfigBuilder readOnly(boolean value, String source) {
        readOnly = value;
        return from(RunField.READ_ONLY, source);
    }

    public RunConfigBuilder tmpfs(String path, String options, String source) {
        tmpfs.put(path, options);
        return from(RunField.TMPFS, source);
    }

    public RunConfigBuilder restart(RestartPolicy policy, String source) {
        restart = policy;
        return from(RunField.RESTART, source);
    }

    public RunConfigBuilder healthcheck(List<String> test, String source) {
        healthcheck = test.isEmpty() ? Optional.empty() : Optional.of(new HealthcheckSpec(test));
        return from(RunField.HEALTHCHECK, source);
    }

    public RunConfigBuilder cgroupParent(String value, String source) {
        cgroupParent = nonEmpty(value);
        return from(RunField.CGROUP_PARENT, source);
    }

    public RunConfig build() {
        return new RunConfig(name, origin, image, privileged, capAdd, capDrop, user,
                new RunConfig.Namespaces(pid, ipc, uts, network, userns, cgroupns), mounts, devices, ports,
                new RunConfig.Resources(memory, cpuShares, nanoCpus, pidsLimit), List.copyOf(ulimits.values()),
                security, readOnly, tmpfs, restart, healthcheck, cgroupParent, sources);
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
