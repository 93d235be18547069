package dev.plimsoll.check.cis.input.compose;

import dev.plimsoll.check.cis.input.DockerValues;
import dev.plimsoll.check.cis.input.InvalidValueException;
import dev.plimsoll.check.cis.input.RunConfigBuilder;
import dev.plimsoll.check.cis.input.compose.ComposeReader.ComposeException;
import dev.plimsoll.check.cis.input.compose.YamlNode.Mapping;
import dev.plimsoll.check.cis.input.compose.YamlNode.Scalar;
import dev.plimsoll.check.cis.input.compose.YamlNode.Sequence;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunConfig.Device;
import dev.plimsoll.check.cis.run.RunConfig.Mount;
import dev.plimsoll.check.cis.run.RunConfig.PortBinding;
import dev.plimsoll.check.cis.run.RunConfig.RestartPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One resolved Compose service to a {@link RunConfig}, each value read as Compose (compose-go) reads it. */
final class ServiceMapper {
    private final Path composeFile;
    private final YamlNode topLevelVolumes;

    ServiceMapper(Path composeFile, YamlNode topLevelVolumes) {
        this.composeFile = composeFile;
        this.topLevelVolumes = topLevelVolumes;
    }

    /** The service being mapped: its key path prefix and where each value came from. */
    private final class Service {
        final String name;
        final Mapping root;

        Service(String name, Mapping root) {
            this.name = name;
            this.root = root;
        }

        String key(String path) {
            return "services." + name + "." + path;
        }

        Optional<YamlNode> at(String path) {
            YamlNode node = root;
            for (String part : path.split("\\.")) {
                if (!(node instanceof Mapping m) || m.get(part) == null) {
                    return Optional.empty();
                }
                node = m.get(part);
            }
            return node instanceof Scalar s && s.isNull() ? Optional.empty() : Optional.of(node);
        }

        String source(String path, YamlNode node) {
            return key(path) + " (" + Path.of(node.position().file()).getFileName() + ":" + node.position().line()
                    + ")";
        }

        ComposeException error(String path, YamlNode node, String message) {
            String file = node.position().file();
            boolean sameFile = Path.of(file).equals(composeFile);
            String where = key(path) + ", " + (sameFile ? "" : Path.of(file).getFileName() + " ") + "line "
                    + node.position().line();
            return new ComposeException(composeFile, where, message);
        }

        String text(String path, YamlNode node) throws ComposeException {
            if (node instanceof Scalar s) {
                return s.text();
            }
            throw error(path, node, "expected a single value, found a " + (node instanceof Sequence ? "list"
                    : "mapping"));
        }

        boolean bool(String path, YamlNode node) throws ComposeException {
            String text = text(path, node);
            if (YamlLoader.TRUE_WORDS.contains(text)) {
                return true;
            }
            if (YamlLoader.FALSE_WORDS.contains(text)) {
                return false;
            }
            throw error(path, node, "\"" + text + "\" is not true or false");
        }

        long number(String path, YamlNode node) throws ComposeException {
            try {
                return DockerValues.parseLong(text(path, node), path);
            } catch (InvalidValueException e) {
                throw error(path, node, e.getMessage());
            }
        }

        List<YamlNode> list(String path, YamlNode node) throws ComposeException {
            if (node instanceof Sequence seq) {
                return seq.items();
            }
            throw error(path, node, "expected a list");
        }

        /** A list of strings, or one string where Compose accepts either. */
        List<String> strings(String path, YamlNode node, boolean singleAllowed) throws ComposeException {
            if (singleAllowed && node instanceof Scalar s) {
                return List.of(s.text());
            }
            List<String> values = new ArrayList<>();
            for (YamlNode item : list(path, node)) {
                values.add(text(path, item));
            }
            return values;
        }

        Mapping mapping(String path, YamlNode node) throws ComposeException {
            if (node instanceof Mapping m) {
                return m;
            }
            throw error(path, node, "expected a mapping");
        }
    }

    RunConfig map(String name, Mapping definition) throws ComposeException {
        Service s = new Service(name, definition);
        RunConfigBuilder b = new RunConfigBuilder(name, composeFile.toString());
        try {
            for (Map.Entry<String, YamlNode> entry : definition.entries().entrySet()) {
                if (entry.getValue() instanceof Scalar v && v.isNull()) {
                    continue;
                }
                apply(s, b, entry.getKey(), entry.getValue());
            }
            deploy(s, b);
        } catch (InvalidValueFor e) {
            throw s.error(e.path, e.node, e.getMessage());
        }
        return b.build();
    }

    /** A bad value found deep in a helper, with the node it came from. */
    private static final class InvalidValueFor extends Exception {
        final String path;
        final YamlNode node;

        InvalidValueFor(String path, YamlNode node, InvalidValueException cause) {
            super(cause.getMessage());
            this.path = path;
            this.node = node;
        }
    }

    private void apply(Service s, RunConfigBuilder b, String key, YamlNode node)
            throws ComposeException, InvalidValueFor {
        String src = s.source(key, node);
        try {
            switch (key) {
                case "image" -> b.image(s.text(key, node), src);
                case "privileged" -> b.privileged(s.bool(key, node), src);
                case "cap_add" -> b.capAdd(s.strings(key, node, false), src);
                case "cap_drop" -> b.capDrop(s.strings(key, node, false), src);
                case "user" -> b.user(s.text(key, node), src);
                case "pid" -> b.pid(s.text(key, node), src);
                case "ipc" -> b.ipc(s.text(key, node), src);
                case "uts" -> b.uts(s.text(key, node), src);
                case "network_mode" -> b.network(s.text(key, node), src);
                case "userns_mode" -> b.userns(s.text(key, node), src);
                case "cgroup" -> b.cgroupns(s.text(key, node), src);
                case "volumes" -> {
                    for (YamlNode volume : s.list(key, node)) {
                        mount(s, b, volume);
                    }
                }
                case "tmpfs" -> {
                    for (String tmpfs : s.strings(key, node, true)) {
                        Map.Entry<String, String> entry = DockerValues.tmpfs(tmpfs);
                        b.tmpfs(entry.getKey(), entry.getValue(), src);
                    }
                }
                case "devices" -> {
                    for (YamlNode device : s.list(key, node)) {
                        b.device(device(s, device), s.source(key, device));
                    }
                }
                case "ports" -> {
                    for (YamlNode port : s.list(key, node)) {
                        for (PortBinding binding : ports(s, port)) {
                            b.port(binding, s.source(key, port));
                        }
                    }
                }
                case "mem_limit" -> b.memory(DockerValues.ramInBytes(s.text(key, node)), src);
                case "cpu_shares" -> b.cpuShares(s.number(key, node), src);
                case "cpus" -> b.nanoCpus(DockerValues.nanoCpus(s.text(key, node)), src);
                case "pids_limit" -> b.pidsLimit(s.number(key, node), src);
                case "ulimits" -> {
                    for (Map.Entry<String, YamlNode> ulimit : s.mapping(key, node).entries().entrySet()) {
                        String path = key + "." + ulimit.getKey();
                        YamlNode value = ulimit.getValue();
                        if (value instanceof Mapping limits) {
                            YamlNode soft = limits.get("soft");
                            YamlNode hard = limits.get("hard");
                            if (soft == null || hard == null) {
                                throw s.error(path, value, "a ulimit mapping needs soft and hard");
                            }
                            b.ulimit(DockerValues.ulimit(ulimit.getKey(), s.number(path + ".soft", soft),
                                    s.number(path + ".hard", hard)), s.source(path, value));
                        } else {
                            long limit = s.number(path, value);
                            b.ulimit(DockerValues.ulimit(ulimit.getKey(), limit, limit), s.source(path, value));
                        }
                    }
                }
                case "security_opt" -> b.security(DockerValues.securityOptions(s.strings(key, node, false)), src);
                case "read_only" -> b.readOnly(s.bool(key, node), src);
                case "restart" -> b.restart(DockerValues.restart(s.text(key, node)), src);
                case "healthcheck" -> healthcheck(s, b, node);
                case "cgroup_parent" -> b.cgroupParent(s.text(key, node), src);
                default -> {
                    // other keys (environment, build, labels, networks, …) do not describe what the checks judge
                }
            }
        } catch (InvalidValueException e) {
            throw new InvalidValueFor(key, node, e);
        }
    }

    /** deploy.resources.limits and deploy.restart_policy, used where the service-level key is not set. */
    private void deploy(Service s, RunConfigBuilder b) throws ComposeException, InvalidValueFor {
        String limits = "deploy.resources.limits.";
        try {
            Optional<YamlNode> memory = s.at(limits + "memory");
            if (memory.isPresent() && s.at("mem_limit").isEmpty()) {
                b.memory(DockerValues.ramInBytes(s.text(limits + "memory", memory.get())),
                        s.source(limits + "memory", memory.get()));
            }
            Optional<YamlNode> cpus = s.at(limits + "cpus");
            if (cpus.isPresent() && s.at("cpus").isEmpty()) {
                b.nanoCpus(DockerValues.nanoCpus(s.text(limits + "cpus", cpus.get())),
                        s.source(limits + "cpus", cpus.get()));
            }
            Optional<YamlNode> pids = s.at(limits + "pids");
            if (pids.isPresent() && s.at("pids_limit").isEmpty()) {
                b.pidsLimit(s.number(limits + "pids", pids.get()), s.source(limits + "pids", pids.get()));
            }
        } catch (InvalidValueException e) {
            throw new InvalidValueFor("deploy.resources.limits", s.at("deploy").orElseThrow(), e);
        }
        Optional<YamlNode> condition = s.at("deploy.restart_policy.condition");
        if (condition.isPresent() && s.at("restart").isEmpty()) {
            String path = "deploy.restart_policy.condition";
            String value = s.text(path, condition.get());
            Optional<YamlNode> attempts = s.at("deploy.restart_policy.max_attempts");
            int max = attempts.isEmpty() ? 0
                    : (int) Math.min(Integer.MAX_VALUE, s.number("deploy.restart_policy.max_attempts",
                    attempts.get()));
            RestartPolicy policy = switch (value) {
                case "none" -> RestartPolicy.NONE;
                case "on-failure" -> new RestartPolicy("on-failure", max);
                case "any" -> new RestartPolicy("always", 0);
                default -> throw s.error(path, condition.get(), "\"" + value
                        + "\" is not a restart condition (none, on-failure, any)");
            };
            b.restart(policy, s.source(path, condition.get()));
        }
    }

    private void healthcheck(Service s, RunConfigBuilder b, YamlNode node) throws ComposeException {
        Mapping health = s.mapping("healthcheck", node);
        YamlNode disable = health.get("disable");
        if (disable != null && !(disable instanceof Scalar d && d.isNull())
                && s.bool("healthcheck.disable", disable)) {
            b.healthcheck(List.of("NONE"), s.source("healthcheck.disable", disable));
            return;
        }
        YamlNode test = health.get("test");
        if (test == null || test instanceof Scalar t && t.isNull()) {
            return;
        }
        List<String> command = test instanceof Scalar t ? List.of("CMD-SHELL", t.text())
                : s.strings("healthcheck.test", test, false);
        if (command.isEmpty() || !List.of("NONE", "CMD", "CMD-SHELL").contains(command.get(0))) {
            throw s.error("healthcheck.test", test, "a healthcheck test list starts with NONE, CMD or CMD-SHELL");
        }
        b.healthcheck(command, s.source("healthcheck.test", test));
    }

    private void mount(Service s, RunConfigBuilder b, YamlNode volume)
            throws ComposeException, InvalidValueException {
        String key = "volumes";
        if (volume instanceof Scalar shortSyntax) {
            Mount mount = DockerValues.volume(shortSyntax.text());
            b.mount(resolveSource(s, mount, volume), s.source(key, volume));
            return;
        }
        Mapping m = s.mapping(key, volume);
        String type = m.get("type") instanceof Scalar t ? t.text() : "";
        String target = m.get("target") instanceof Scalar t ? t.text() : "";
        String source = m.get("source") instanceof Scalar t && !t.isNull() ? t.text() : "";
        if (!List.of("bind", "volume", "tmpfs", "npipe", "cluster", "image").contains(type)) {
            throw s.error(key, volume, "volume type must be bind, volume, tmpfs, npipe, cluster or image, not \""
                    + type + "\"");
        }
        if (target.isEmpty()) {
            throw s.error(key, volume, "a volume needs a target");
        }
        boolean readOnly = m.get("read_only") != null && s.bool(key + ".read_only", m.get("read_only"));
        String propagation = "";
        if (m.get("bind") instanceof Mapping bind && bind.get("propagation") instanceof Scalar p && !p.isNull()) {
            propagation = p.text();
        }
        if (type.equals("bind") && source.isEmpty()) {
            throw s.error(key, volume, "a bind mount needs a source");
        }
        b.mount(resolveSource(s, new Mount(type, source, target, !readOnly, propagation), volume),
                s.source(key, volume));
    }

    /**
     * Relative bind sources are relative to the Compose file that wrote them, as Compose resolves them; a named
     * volume must be declared under the top-level volumes (Compose refuses it otherwise) and its name: is used.
     */
    private Mount resolveSource(Service s, Mount mount, YamlNode node) throws ComposeException {
        if (mount.type().equals("bind") && (mount.source().startsWith("."))) {
            Path dir = Path.of(node.position().file()).toAbsolutePath().getParent();
            return new Mount("bind", dir.resolve(mount.source()).normalize().toString(), mount.destination(),
                    mount.readWrite(), mount.propagation());
        }
        if (mount.type().equals("volume") && !mount.source().isEmpty()) {
            if (!(topLevelVolumes instanceof Mapping declared) || !declared.entries().containsKey(mount.source())) {
                throw s.error("volumes", node, "service uses undefined volume \"" + mount.source()
                        + "\" (declare it under the top-level volumes:)");
            }
            YamlNode declaration = declared.get(mount.source());
            if (declaration instanceof Mapping d && d.get("name") instanceof Scalar n && !n.isNull()) {
                return new Mount("volume", n.text(), mount.destination(), mount.readWrite(), mount.propagation());
            }
        }
        return mount;
    }

    private Device device(Service s, YamlNode node) throws ComposeException, InvalidValueException {
        if (node instanceof Scalar d) {
            return DockerValues.device(d.text());
        }
        Mapping m = s.mapping("devices", node);
        String source = m.get("source") instanceof Scalar v ? v.text() : "";
        String target = m.get("target") instanceof Scalar v && !v.isNull() ? v.text() : source;
        String permissions = m.get("permissions") instanceof Scalar v && !v.isNull() ? v.text() : "rwm";
        if (source.isEmpty()) {
            throw s.error("devices", node, "a device needs a source");
        }
        return new Device(source, target, permissions);
    }

    private List<PortBinding> ports(Service s, YamlNode node) throws ComposeException, InvalidValueException {
        if (node instanceof Scalar p) {
            return DockerValues.ports(p.text());
        }
        Mapping m = s.mapping("ports", node);
        if (!(m.get("target") instanceof Scalar target) || target.isNull()) {
            throw s.error("ports", node, "a port needs a target");
        }
        String ip = m.get("host_ip") instanceof Scalar v && !v.isNull() ? v.text() : "";
        String published = m.get("published") instanceof Scalar v && !v.isNull() ? v.text() : "";
        String protocol = m.get("protocol") instanceof Scalar v && !v.isNull() ? v.text() : "tcp";
        String spec = (ip.isEmpty() ? "" : (ip.contains(":") ? "[" + ip + "]" : ip) + ":")
                + (published.isEmpty() && ip.isEmpty() ? "" : published + ":") + target.text() + "/" + protocol;
        return DockerValues.ports(spec);
    }
}
