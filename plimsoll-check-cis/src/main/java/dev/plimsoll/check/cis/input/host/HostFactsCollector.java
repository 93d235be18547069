package dev.plimsoll.check.cis.input.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.check.cis.input.daemon.DaemonConfigReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a host root once into {@link HostFacts}; trouble with one file becomes a problem, not a failure. */
public final class HostFactsCollector {
    /** Files the host checks look at besides the unit files and the daemon's own paths. */
    public static final List<String> FIXED_PATHS = List.of("/usr/bin/dockerd", "/run/containerd", "/etc/docker",
            HostFacts.CONTAINERD_SOCK, "/etc/default/docker", "/etc/containerd/config.toml", "/etc/sysconfig/docker",
            "/usr/bin/containerd", "/usr/bin/containerd-shim", "/usr/bin/containerd-shim-runc-v1",
            "/usr/bin/containerd-shim-runc-v2", "/usr/bin/runc", HostFacts.DOCKER_SOCK);
    private static final int MAX_CERT_DEPTH = 8;
    private static final int MAX_CERTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostFactsCollector() {
    }

    public static HostFacts collect(HostRoot root, DaemonConfig daemon, List<InputProblem> problems) {
        Optional<UnitFile> service = SystemdUnits.find(root, "docker.service", problems);
        Optional<UnitFile> socket = SystemdUnits.find(root, "docker.socket", problems);
        String dockerd = executable(service, "dockerd").orElse("/usr/bin/dockerd");
        String containerd = executable(SystemdUnits.find(root, "containerd.service", problems), "containerd")
                .orElse("/usr/bin/containerd");
        List<String> paths = new ArrayList<>(FIXED_PATHS);
        paths.add(dockerd);
        paths.add(containerd);
        paths.add(daemon.dataRoot());
        paths.add(daemon.text("config-file").orElse(DaemonConfigReader.DEFAULT_CONFIG_FILE));
        service.ifPresent(u -> paths.add(u.fragment()));
        socket.ifPresent(u -> paths.add(u.fragment()));
        paths.add(dockerSocket(daemon));
        for (String key : List.of("tlscacert", "tlscert", "tlskey")) {
            daemon.text(key).filter(p -> p.startsWith("/")).ifPresent(paths::add);
        }
        Map<String, FileStat> files = new LinkedHashMap<>();
        for (String path : paths) {
            root.stat(path).ifPresent(s -> files.put(path, s));
        }
        Optional<MountTable> mounts;
        try {
            mounts = MountTable.read(root);
        } catch (IOException e) {
            problems.add(new InputProblem("/proc/mounts", "", "cannot read: " + e.getMessage()));
            mounts = Optional.empty();
        }
        AuditRules audit = AuditRules.read(root);
        problems.addAll(audit.problems());
        return new HostFacts(root.name(), daemon, files, dockerd, containerd, service, socket, mounts, audit,
                root.accounts(), registryCerts(root, problems), swarm(root, daemon, problems));
    }

    /** The absolute binary a unit's ExecStart runs, when its name starts with {@code name}. */
    private static Optional<String> executable(Optional<UnitFile> unit, String name) {
        return unit.flatMap(UnitFile::command)
                .map(c -> c.strip().split("\\s+")[0].replaceFirst("^[-@:+!]+", ""))
                .filter(p -> p.startsWith("/") && p.substring(p.lastIndexOf('/') + 1).startsWith(name));
    }

    /** The daemon's unix socket: the first unix:// host it listens on, else /var/run/docker.sock. */
    public static String dockerSocket(DaemonConfig daemon) {
        return daemon.hosts().stream().filter(h -> h.startsWith("unix:///")).map(h -> h.substring("unix://".length()))
                .findFirst().orElse(HostFacts.DOCKER_SOCK);
    }

    /** Certificate files (*.crt, *.cert) below /etc/docker/certs.d, not following links to directories. */
    private static Optional<List<FileStat>> registryCerts(HostRoot root, List<InputProblem> problems) {
        Optional<FileStat> dir = root.stat(HostFacts.CERTS_DIR);
        if (dir.isEmpty() || dir.get().kind() != FileKind.DIRECTORY) {
            return Optional.empty();
        }
        List<FileStat> certs = new ArrayList<>();
        try {
            walk(root, HostFacts.CERTS_DIR, 0, certs);
        } catch (IOException e) {
            problems.add(new InputProblem(HostFacts.CERTS_DIR, "", "cannot list: " + e.getMessage()));
        }
        return Optional.of(certs);
    }

    private static void walk(HostRoot root, String dir, int depth, List<FileStat> out) throws IOException {
        if (depth > MAX_CERT_DEPTH) {
            return;
        }
        for (String name : root.list(dir)) {
            String path = HostRoot.child(dir, name);
            Optional<FileStat> entry = root.lstat(path);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.get().kind() == FileKind.DIRECTORY) {
                walk(root, path, depth + 1, out);
            } else if (name.endsWith(".crt") || name.endsWith(".cert")) {
                // a certificate may be a link: judge the file it names, resolved inside the root
                Optional<FileStat> target = root.stat(path);
                if (target.isPresent() && target.get().kind() == FileKind.REGULAR) {
                    if (out.size() >= MAX_CERTS) {
                        throw new IOException("more than " + MAX_CERTS + " certificate files");
                    }
                    out.add(target.get());
                }
            }
        }
    }

    private static Optional<SwarmState> swarm(HostRoot root, DaemonConfig daemon, List<InputProblem> problems) {
        String dir = HostRoot.child(daemon.dataRoot(), "swarm");
        String stateFile = HostRoot.child(dir, "docker-state.json");
        try {
            Optional<String> state = root.readText(stateFile);
            if (state.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> cert = root.readText(HostRoot.child(dir, "certificates/swarm-node.crt"));
            Optional<String> key = root.readText(HostRoot.child(dir, "certificates/swarm-node.key"));
            return Optional.of(new SwarmState(stateFile, jsonString(state.get(), "ListenAddr"),
                    jsonString(state.get(), "AdvertiseAddr"), jsonString(state.get(), "DataPathAddr"),
                    cert.flatMap(HostFactsCollector::isManager),
                    key.map(k -> k.contains("ENCRYPTED PRIVATE KEY") || k.contains("Proc-Type: 4,ENCRYPTED"))));
        } catch (IOException e) {
            problems.add(new InputProblem(stateFile, "", "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<String> jsonString(String json, String field) {
        try {
            JsonNode value = JSON.readTree(json).path(field);
            return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> isManager(String pem) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(cert.getSubjectX500Principal().getName().contains("OU=swarm-manager"));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
