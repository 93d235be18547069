package dev.plimsoll.check.cis.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds {@link RunConfig}s for tests: every setting starts at the engine default, as an input with nothing set. */
public final class TestRun {
    private final String name;
    private Optional<String> image = Optional.of("nginx:1.25");
    private boolean privileged;
    private final List<String> capAdd = new ArrayList<>();
    private final List<String> capDrop = new ArrayList<>();
    private Optional<String> user = Optional.empty();
    private RunConfig.Namespaces namespaces = RunConfig.Namespaces.DEFAULT;
    private final List<RunConfig.Mount> mounts = new ArrayList<>();
    private final List<RunConfig.Device> devices = new ArrayList<>();
    private final List<RunConfig.PortBinding> ports = new ArrayList<>();
    private RunConfig.Resources resources = RunConfig.Resources.NONE;
    private final List<RunConfig.Ulimit> ulimits = new ArrayList<>();
    private RunConfig.SecurityOptions security = RunConfig.SecurityOptions.DEFAULT;
    private boolean readOnly;
    private final Map<String, String> tmpfs = new LinkedHashMap<>();
    private RunConfig.RestartPolicy restart = RunConfig.RestartPolicy.NONE;
    private Optional<RunConfig.HealthcheckSpec> healthcheck = Optional.empty();
    private Optional<String> cgroupParent = Optional.empty();
    private final Map<RunField, String> sources = new EnumMap<>(RunField.class);

    private TestRun(String name) {
        this.name = name;
    }

    public static TestRun named(String name) {
        return new TestRun(name);
    }

    /** A container that passes every automated container check. */
    public static TestRun hardened(String name) {
        return named(name).user("1000:1000").capDrop("ALL").readOnly().memory(256L << 20).cpuShares(512)
                .pidsLimit(100).noNewPrivileges(true).restart("on-failure", 5).network("backend")
                .healthcheck("CMD", "curl", "-f", "http://localhost/").port("127.0.0.1", 8080, 80)
                .ulimit("nofile", 1024, 2048).selinux("type:svirt_apache_t");
    }

    public TestRun image(String value) {
        image = Optional.of(value);
        return this;
    }

    public TestRun privileged() {
        privileged = true;
        return this;
    }

    public TestRun capAdd(String... caps) {
        capAdd.addAll(List.of(caps));
        return this;
    }

    public TestRun capDrop(String... caps) {
        capDrop.addAll(List.of(caps));
        return this;
    }

    public TestRun user(String value) {
        user = Optional.of(value);
        return this;
    }

    public TestRun pid(String mode) {
        namespaces = new RunConfig.Namespaces(mode, namespaces.ipc(), namespaces.uts(), namespaces.network(),
                namespaces.userns(), namespaces.cgroupns());
        return this;
    }

    public TestRun ipc(String mode) {
        namespaces = new RunConfig.Namespaces(namespaces.pid(), mode, namespaces.uts(), namespaces.network(),
                namespaces.userns(), namespaces.cgroupns());
        return this;
    }

    public TestRun uts(String mode) {
        namespaces = new RunConfig.Namespaces(namespaces.pid(), namespaces.ipc(), mode, namespaces.network(),
                namespaces.userns(), namespaces.cgroupns());
        return this;
    }

    public TestRun network(String mode) {
        namespaces = new RunConfig.Namespaces(namespaces.pid(), namespaces.ipc(), namespaces.uts(), mode,
                namespaces.userns(), namespaces.cgroupns());
        return this;
    }

    public TestRun userns(String mode) {
        namespaces = new RunConfig.Namespaces(namespaces.pid(), namespaces.ipc(), namespaces.uts(),
                namespaces.network(), mode, namespaces.cgroupns());
        return this;
    }

    public TestRun bind(String source, String destination, boolean readWrite) {
        mounts.add(new RunConfig.Mount("bind", source, destination, readWrite, ""));
        return this;
    }

    public TestRun mount(RunConfig.Mount mount) {
        mounts.add(mount);
        return this;
    }

    public TestRun device(String host, String container, String permissions) {
        devices.add(new RunConfig.Device(host, container, permissions));
        return this;
    }

    public TestRun port(String hostIp, int hostPort, int containerPort) {
        ports.add(new RunConfig.PortBinding(hostIp, hostPort, containerPort, "tcp"));
        return this;
    }

    public TestRun memory(long bytes) {
        resources = new RunConfig.Resources(OptionalLong.of(bytes), resources.cpuShares(), resources.nanoCpus(),
                resources.pidsLimit());
        return this;
    }

    public TestRun cpuShares(long shares) {
        resources = new RunConfig.Resources(resources.memoryBytes(), OptionalLong.of(shares), resources.nanoCpus(),
                resources.pidsLimit());
        return this;
    }

    public TestRun nanoCpus(long nanos) {
        resources = new RunConfig.Resources(resources.memoryBytes(), resources.cpuShares(), OptionalLong.of(nanos),
                resources.pidsLimit());
        return this;
    }

    public TestRun pidsLimit(long limit) {
        resources = new RunConfig.Resources(resources.memoryBytes(), resources.cpuShares(), resources.nanoCpus(),
                OptionalLong.of(limit));
        return this;
    }

    public TestRun ulimit(String name, long soft, long hard) {
        ulimits.add(new RunConfig.Ulimit(name, soft, hard));
        return this;
    }

    public TestRun seccomp(String profile) {
        security = new RunConfig.SecurityOptions(Optional.of(profile), security.apparmorProfile(),
                security.selinuxOptions(), security.noNewPrivileges(), raw("seccomp=" + profile));
        return this;
    }

    public TestRun apparmor(String profile) {
        security = new RunConfig.SecurityOptions(security.seccompProfile(), Optional.of(profile),
                security.selinuxOptions(), security.noNewPrivileges(), raw("apparmor=" + profile));
        return this;
    }

    public TestRun selinux(String option) {
        List<String> options = new ArrayList<>(security.selinuxOptions());
        options.add(option);
        security = new RunConfig.SecurityOptions(security.seccompProfile(), security.apparmorProfile(), options,
                security.noNewPrivileges(), raw("label=" + option));
        return this;
    }

    public TestRun noNewPrivileges(boolean value) {
        security = new RunConfig.SecurityOptions(security.seccompProfile(), security.apparmorProfile(),
                security.selinuxOptions(), Optional.of(value), raw("no-new-privileges:" + value));
        return this;
    }

    private List<String> raw(String option) {
        List<String> all = new ArrayList<>(security.raw());
        all.add(option);
        return all;
    }

    public TestRun readOnly() {
        readOnly = true;
        return this;
    }

    public TestRun writable() {
        readOnly = false;
        return this;
    }

    public TestRun restart(String policy, int retries) {
        restart = new RunConfig.RestartPolicy(policy, retries);
        return this;
    }

    public TestRun healthcheck(String... test) {
        healthcheck = Optional.of(new RunConfig.HealthcheckSpec(List.of(test)));
        return this;
    }

    public TestRun noHealthcheck() {
        healthcheck = Optional.empty();
        return this;
    }

    public TestRun cgroupParent(String parent) {
        cgroupParent = Optional.of(parent);
        return this;
    }

    public TestRun source(RunField field, String where) {
        sources.put(field, where);
        return this;
    }

    public RunConfig build() {
        return new RunConfig(name, "test", image, privileged, capAdd, capDrop, user, namespaces, mounts, devices,
                ports, resources, ulimits, security, readOnly, tmpfs, restart, healthcheck, cgroupParent, sources);
    }
}
