package dev.plimsoll.check.cis.input.host;

import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the host, daemon-file, operations and swarm checks (CIS sections 1, 3, 6, 7) judge, read once from a
 * host root by {@link HostFactsCollector}, so each check is a pure function of it.
 *
 * @param root          the root's name
 * @param daemon        the daemon configuration (its TLS files, data root and config file are checked)
 * @param files         the files of interest that exist, by the path asked for
 * @param dockerdPath   the dockerd binary: the docker.service ExecStart's, else /usr/bin/dockerd
 * @param containerdPath the containerd binary: the containerd.service ExecStart's, else /usr/bin/containerd
 * @param mounts        the mount table, when the root has one
 * @param registryCerts certificate files below /etc/docker/certs.d, when that directory exists
 */
public record HostFacts(String root, DaemonConfig daemon, Map<String, FileStat> files, String dockerdPath,
                        String containerdPath, Optional<UnitFile> dockerService, Optional<UnitFile> dockerSocket,
                        Optional<MountTable> mounts, AuditRules audit, Accounts accounts,
                        Optional<List<FileStat>> registryCerts, Optional<SwarmState> swarm) {
    public static final String DOCKER_SOCK = "/var/run/docker.sock";
    public static final String CONTAINERD_SOCK = "/run/containerd/containerd.sock";
    public static final String CERTS_DIR = "/etc/docker/certs.d";

    public HostFacts {
        Objects.requireNonNull(root);
        Objects.requireNonNull(daemon);
        files = Map.copyOf(files);
        Objects.requireNonNull(dockerdPath);
        Objects.requireNonNull(containerdPath);
        Objects.requireNonNull(dockerService);
        Objects.requireNonNull(dockerSocket);
        Objects.requireNonNull(mounts);
        Objects.requireNonNull(audit);
        Objects.requireNonNull(accounts);
        Objects.requireNonNull(registryCerts);
        Objects.requireNonNull(swarm);
    }

    public Optional<FileStat> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** The daemon's configuration file: --config-file's, else /etc/docker/daemon.json. */
    public String daemonJsonPath() {
        return daemon.text("config-file").orElse("/etc/docker/daemon.json");
    }
}
