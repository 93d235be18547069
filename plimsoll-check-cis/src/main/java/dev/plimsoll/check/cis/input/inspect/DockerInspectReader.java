package dev.plimsoll.check.cis.input.inspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.DockerValues;
import dev.plimsoll.check.cis.input.InvalidValueException;
import dev.plimsoll.check.cis.input.RunConfigBuilder;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunConfig.Device;
import dev.plimsoll.check.cis.run.RunConfig.Mount;
import dev.plimsoll.check.cis.run.RunConfig.PortBinding;
import dev.plimsoll.check.cis.run.RunConfig.RestartPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code docker inspect} output — the CLI's JSON array of one or several containers, or the Engine API's bare
 * object from {@code GET /containers/{id}/json} — into {@link RunConfig}s, field by field as Docker stores them.
 * A malformed container is reported by its index while the others are still read.
 */
public final class DockerInspectReader {
    /** Far above any real inspect output (a few KiB per container), low enough to never exhaust memory. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
    private static final int MAX_NESTING = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .maxNestingDepth(MAX_NESTING)
                    .build())
            .build());

    private DockerInspectReader() {
    }

    public static Loaded<RunConfig> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            return Loaded.failed(new InputProblem(file.toString(), "", "cannot read: " + e.getMessage()));
        }
    }

    /**
     * The JSON text of {@code docker inspect}: an array, one object, or several top-level values one after the
     * other ({@code docker inspect --format '{{json .}}' a b} prints one object per line).
     */
    public static Loaded<RunConfig> read(String sourceName, InputStream json) {
        List<JsonNode> values = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(json)) {
            while (parser.nextToken() != null) {
                values.add(MAPPER.readTree(parser));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Loaded.failed(new InputProblem(sourceName, where, "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return Loaded.failed(new InputProblem(sourceName, "", "cannot read: " + e.getMessage()));
        }
        if (values.isEmpty()) {
            return Loaded.failed(new InputProblem(sourceName, "", "empty input, expected docker inspect JSON"));
        }
        if (values.size() == 1) {
            return read(sourceName, values.get(0));
        }
        ArrayNode all = MAPPER.createArrayNode();
        for (JsonNode value : values) {
            if (value.isArray()) {
                all.addAll((ArrayNode) value);
            } else {
                all.add(value);
            }
        }
        return read(sourceName, all);
    }

    /** Containers already parsed as JSON (the Engine API client hands them over this way). */
    public static Loaded<RunConfig> read(String sourceName, JsonNode root) {
        if (root.isObject()) {
            try {
                return Loaded.of(List.of(container(root, sourceName)));
            } catch (InvalidValueException e) {
                return Loaded.failed(new InputProblem(sourceName, "container" + nameHint(root), e.getMessage()));
            }
        }
        if (!root.isArray()) {
            return Loaded.failed(new InputProblem(sourceName, "",
                    "expected docker inspect output: a JSON array of containers or one container object"));
        }
        List<RunConfig> containers = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            try {
                if (!element.isObject()) {
                    throw new InvalidValueException("expected a container object, found " + JsonFields.kind(element));
                }
                containers.add(container(element, sourceName));
            } catch (InvalidValueException e) {
                problems.add(new InputProblem(sourceName, "container [" + i + "]" + nameHint(element),
                        e.getMessage()));
            }
        }
        return new Loaded<>(containers, problems);
    }

    private static String nameHint(JsonNode element) {
        JsonNode name = element.path("Name");
        return name.isTextual() ? " " + stripSlash(name.asText()) : "";
    }

    private static RunConfig container(JsonNode c, String origin) throws InvalidValueException {
        if (!c.path("HostConfig").isObject()) {
            // docker inspect also describes images, volumes and networks; none of them has a HostConfig
            throw new InvalidValueException("not a container (no HostConfig)"
                    + (c.has("RepoTags") || c.has("RootFS") ? ": this is an image's inspect output" : ""));
        }
        JsonFields json = new JsonFields(c);
        String name = json.text("Name");
        if (name.isEmpty()) {
            String id = json.text("Id");
            name = id.length() > 12 ? id.substring(0, 12) : id;
        }
        RunConfigBuilder b = new RunConfigBuilder(stripSlash(name), origin);
        String image = json.text("Config.Image");
        if (!image.isEmpty()) {
            b.image(image, "Config.Image");
        } else if (!json.text("Image").isEmpty()) {
            b.image(json.text("Image"), "Image");
        }
        if (json.has("HostConfig.Privileged")) {
            b.privileged(json.bool("HostConfig.Privileged"), "HostConfig.Privileged");
        }
        if (json.has("HostConfig.CapAdd")) {
            b.capAdd(json.strings("HostConfig.CapAdd"), "HostConfig.CapAdd");
        }
        if (json.has("HostConfig.CapDrop")) {
            b.capDrop(json.strings("HostConfig.CapDrop"), "HostConfig.CapDrop");
        }
        if (json.has("Config.User")) {
            b.user(json.text("Config.User"), "Config.User");
        }
        if (json.has("HostConfig.PidMode")) {
            b.pid(json.text("HostConfig.PidMode"), "HostConfig.PidMode");
        }
        if (json.has("HostConfig.IpcMode")) {
            b.ipc(json.text("HostConfig.IpcMode"), "HostConfig.IpcMode");
        }
        if (json.has("HostConfig.UTSMode")) {
            b.uts(json.text("HostConfig.UTSMode"), "HostConfig.UTSMode");
        }
        if (json.has("HostConfig.NetworkMode")) {
            String mode = json.text("HostConfig.NetworkMode");
            // "default" is what the CLI sends when no --network was given: the engine's default network
            b.network(mode.equals("default") ? "" : mode, "HostConfig.NetworkMode");
        }
        if (json.has("HostConfig.UsernsMode")) {
            b.userns(json.text("HostConfig.UsernsMode"), "HostConfig.UsernsMode");
        }
        if (json.has("HostConfig.CgroupnsMode")) {
            b.cgroupns(json.text("HostConfig.CgroupnsMode"), "HostConfig.CgroupnsMode");
        }
        mounts(json, b);
        for (JsonNode device : json.objects("HostConfig.Devices")) {
            JsonFields d = new JsonFields(device, "HostConfig.Devices[]");
            String host = d.text("PathOnHost");
            String inContainer = d.text("PathInContainer");
            String permissions = d.text("CgroupPermissions");
            b.device(new Device(host, inContainer.isEmpty() ? host : inContainer,
                    permissions.isEmpty() ? "rwm" : permissions), "HostConfig.Devices");
        }
        ports(json, b);
        if (json.has("HostConfig.Memory")) {
            b.memory(json.number("HostConfig.Memory"), "HostConfig.Memory");
        }
        if (json.has("HostConfig.CpuShares")) {
            b.cpuShares(json.number("HostConfig.CpuShares"), "HostConfig.CpuShares");
        }
        if (json.has("HostConfig.NanoCpus")) {
            b.nanoCpus(json.number("HostConfig.NanoCpus"), "HostConfig.NanoCpus");
        }
        if (json.has("HostConfig.PidsLimit")) {
            b.pidsLimit(json.number("HostConfig.PidsLimit"), "HostConfig.PidsLimit");
        }
        for (JsonNode ulimit : json.objects("HostConfig.Ulimits")) {
            JsonFields u = new JsonFields(ulimit, "HostConfig.Ulimits[]");
            b.ulimit(DockerValues.ulimit(u.text("Name"), u.number("Soft"), u.number("Hard")), "HostConfig.Ulimits");
        }
        if (json.has("HostConfig.SecurityOpt")) {
            b.security(DockerValues.securityOptions(json.strings("HostConfig.SecurityOpt")),
                    "HostConfig.SecurityOpt");
        }
        if (json.has("HostConfig.ReadonlyRootfs")) {
            b.readOnly(json.bool("HostConfig.ReadonlyRootfs"), "HostConfig.ReadonlyRootfs");
        }
        if (json.has("HostConfig.Tmpfs")) {
            JsonNode tmpfs = json.node("HostConfig.Tmpfs");
            if (!tmpfs.isObject()) {
                throw new InvalidValueException("HostConfig.Tmpfs: expected an object, found "
                        + JsonFields.kind(tmpfs));
            }
            for (Map.Entry<String, JsonNode> entry : tmpfs.properties()) {
                if (!entry.getValue().isTextual()) {
                    throw new InvalidValueException("HostConfig.Tmpfs." + entry.getKey() + ": expected a string");
                }
                b.tmpfs(entry.getKey(), entry.getValue().asText(), "HostConfig.Tmpfs");
            }
        }
        if (json.has("HostConfig.RestartPolicy")) {
            String policy = json.text("HostConfig.RestartPolicy.Name");
            long retries = json.has("HostConfig.RestartPolicy.MaximumRetryCount")
                    ? json.number("HostConfig.RestartPolicy.MaximumRetryCount") : 0;
            b.restart(policy.isEmpty() || policy.equals("no") ? RestartPolicy.NONE
                    : new RestartPolicy(policy, (int) Math.min(Integer.MAX_VALUE, retries)),
                    "HostConfig.RestartPolicy");
        }
        if (json.has("Config.Healthcheck")) {
            b.healthcheck(json.has("Config.Healthcheck.Test") ? json.strings("Config.Healthcheck.Test") : List.of(),
                    "Config.Healthcheck");
        }
        if (json.has("HostConfig.CgroupParent")) {
            b.cgroupParent(json.text("HostConfig.CgroupParent"), "HostConfig.CgroupParent");
        }
        return b.build();
    }

    /**
     * The top-level Mounts list is what the engine mounted (binds, named and anonymous volumes, --mount tmpfs);
     * when it is absent (a create request, an edited file) HostConfig.Binds and HostConfig.Mounts are read.
     */
    private static void mounts(JsonFields json, RunConfigBuilder b) throws InvalidValueException {
        if (json.has("Mounts")) {
            for (JsonNode mount : json.objects("Mounts")) {
                JsonFields m = new JsonFields(mount, "Mounts[]");
                String type = m.text("Type");
                String source = type.equals("volume") ? m.text("Name") : m.text("Source");
                String propagation = m.text("Propagation");
                // rprivate is the engine's default for binds and what it reports when none was asked for
                if (propagation.equals("rprivate")) {
                    propagation = "";
                }
                boolean readWrite = !m.has("RW") || m.bool("RW");
                b.mount(new Mount(type.isEmpty() ? "bind" : type, source, m.text("Destination"), readWrite,
                        propagation), "Mounts");
            }
            return;
        }
        for (String bind : json.has("HostConfig.Binds") ? json.strings("HostConfig.Binds") : List.<String>of()) {
            b.mount(DockerValues.volume(bind), "HostConfig.Binds");
        }
        for (JsonNode mount : json.objects("HostConfig.Mounts")) {
            JsonFields m = new JsonFields(mount, "HostConfig.Mounts[]");
            String type = m.text("Type");
            b.mount(new Mount(type.isEmpty() ? "volume" : type, m.text("Source"), m.text("Target"),
                    !(m.has("ReadOnly") && m.bool("ReadOnly")),
                    m.has("BindOptions.Propagation") ? m.text("BindOptions.Propagation") : ""), "HostConfig.Mounts");
        }
    }

    /**
     * HostConfig.PortBindings is what was asked for; NetworkSettings.Ports adds what the engine chose for ports only
     * published there (-P, --publish-all).
     */
    private static void ports(JsonFields json, RunConfigBuilder b) throws InvalidValueException {
        Set<String> configured = new HashSet<>();
        for (String section : List.of("HostConfig.PortBindings", "NetworkSettings.Ports")) {
            if (!json.has(section)) {
                continue;
            }
            JsonNode bindings = json.node(section);
            if (!bindings.isObject()) {
                throw new InvalidValueException(section + ": expected an object, found " + JsonFields.kind(bindings));
            }
            Set<String> seenHere = new HashSet<>();
            for (Map.Entry<String, JsonNode> entry : bindings.properties()) {
                String key = entry.getKey();
                if (configured.contains(key) || entry.getValue().isNull()) {
                    continue;
                }
                seenHere.add(key);
                int slash = key.indexOf('/');
                String protocol = slash < 0 ? "tcp" : key.substring(slash + 1);
                int containerPort = portNumber(slash < 0 ? key : key.substring(0, slash), section + "." + key);
                if (!entry.getValue().isArray()) {
                    throw new InvalidValueException(section + "." + key + ": expected an array");
                }
                for (JsonNode binding : entry.getValue()) {
                    JsonFields p = new JsonFields(binding, section + "." + key + "[]");
                    String hostPort = p.text("HostPort");
                    int host = hostPort.isEmpty() ? 0 : portNumber(hostPort.split("-", 2)[0], section + "." + key);
                    b.port(new PortBinding(p.text("HostIp"), host, containerPort, protocol), section);
                }
            }
            configured.addAll(seenHere);
        }
    }

    private static int portNumber(String text, String where) throws InvalidValueException {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65_535) {
                throw new InvalidValueException(where + ": port " + text + " out of range");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(where + ": \"" + DockerValues.abbreviate(text) + "\" is not a port");
        }
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
