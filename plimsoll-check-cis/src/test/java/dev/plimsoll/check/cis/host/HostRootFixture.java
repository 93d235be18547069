package dev.plimsoll.check.cis.host;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Builds a host root in a directory: files with modes and owners, audit rules, systemd units with a drop-in,
 * daemon.json, TLS files, registry certificates, real unix sockets, symlinks (one climbing out of the root and one
 * absolute to a file outside it, both of which must resolve inside the root). {@link Variant#HARDENED} is a host
 * where every automatable check passes, {@link Variant#CARELESS} one where they fail.
 *
 * <p>Owners: run as root the fixture chowns to the ids it writes in its own /etc/passwd and /etc/group (root 0,
 * alice 1000, docker 999). Run as another user it cannot chown, so its passwd and group name the running user's ids
 * "root"; {@link #chownWorks()} tells tests which ownership verdicts to expect.
 */
final class HostRootFixture {
    enum Variant { HARDENED, CARELESS }

    static final int ALICE = 1000;
    static final int DOCKER_GID = 999;

    private final Path root;
    private final Path outside;
    private final boolean chown;
    private final long uid;
    private final long gid;

    private HostRootFixture(Path root, Path outside, boolean chown, long uid, long gid) {
        this.root = root;
        this.outside = outside;
        this.chown = chown;
        this.uid = uid;
        this.gid = gid;
    }

    /** Builds {@code variant} in {@code dir}/root, with a decoy file in {@code dir}/outside. */
    static HostRootFixture build(Path dir, Variant variant) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        long uid = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
        long gid = ((Number) Files.getAttribute(dir, "unix:gid")).longValue();
        HostRootFixture f = new HostRootFixture(root, outside, uid == 0, uid, gid);
        if (variant == Variant.HARDENED) {
            f.hardened();
        } else {
            f.careless();
        }
        return f;
    }

    Path root() {
        return root;
    }

    boolean chownWorks() {
        return chown;
    }

    private void accounts(String dockerMembers) throws IOException {
        long rootUid = chown ? 0 : uid;
        long rootGid = chown ? 0 : gid;
        file("/etc/passwd", "root:x:" + rootUid + ":" + rootGid + ":root:/root:/bin/bash\n"
                + "alice:x:" + ALICE + ":" + ALICE + ":Alice:/home/alice:/bin/bash\n", 0644, 0, 0);
        file("/etc/group", "root:x:" + rootGid + ":\nalice:x:" + ALICE + ":\ndocker:x:" + DOCKER_GID + ":"
                + dockerMembers + "\n", 0644, 0, 0);
    }

    private void common() throws IOException {
        dir("/var/lib/docker", 0710, 0, 0);
        dir("/run/containerd", 0711, 0, 0);
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("../run"));
        for (String bin : new String[] {"dockerd", "containerd", "containerd-shim", "containerd-shim-runc-v1",
                "containerd-shim-runc-v2", "runc"}) {
            file("/usr/bin/" + bin, "ELF", 0755, 0, 0);
        }
        file("/etc/containerd/config.toml", "version = 2\n", 0644, 0, 0);
        // decoys outside the root, reachable only by following links out of it
        Files.writeString(outside.resolve("outside.crt"), "decoy");
        Files.setAttribute(outside.resolve("outside.crt"), "unix:mode", 0666);
        dir("/etc/docker/certs.d/registry.example:5000", 0755, 0, 0);
        Files.createSymbolicLink(root.resolve("etc/docker/certs.d/climbing.crt"),
                Path.of("../../../../../../../../outside/outside.crt"));
        Files.createSymbolicLink(root.resolve("etc/docker/certs.d/absolute.crt"),
                outside.resolve("outside.crt").toAbsolutePath());
    }

    private void hardened() throws IOException {
        accounts("alice");
        common();
        file("/etc/fstab", "/dev/sda1 / ext4 defaults 0 1\n/dev/sdb1 /var/lib/docker ext4 defaults 0 2\n",
                0644, 0, 0);
        file("/lib/systemd/system/docker.service", """
                [Unit]
                Description=Docker Application Container Engine
                [Service]
                Type=notify
                ExecStart=/usr/bin/dockerd -H fd:// \\
                    --containerd=/run/containerd/containerd.sock
                """, 0644, 0, 0);
        // the drop-in resets ExecStart and drops -H, which daemon.json's hosts would conflict with
        file("/etc/systemd/system/docker.service.d/override.conf", """
                [Service]
                ExecStart=
                ExecStart=/usr/bin/dockerd --containerd=/run/containerd/containerd.sock
                """, 0644, 0, 0);
        file("/lib/systemd/system/docker.socket", "[Socket]\nListenStream=/run/docker.sock\n", 0644, 0, 0);
        // containerd from elsewhere: 1.1.14 must audit the binary the unit starts, not /usr/bin/containerd
        file("/lib/systemd/system/containerd.service", "[Service]\nExecStart=/usr/local/bin/containerd\n", 0644,
                0, 0);
        file("/usr/local/bin/containerd", "ELF", 0755, 0, 0);
        dir("/etc/docker", 0755, 0, 0);
        file("/etc/docker/daemon.json", """
                {
                  "icc": false,
                  "log-level": "info",
                  "userns-remap": "default",
                  "no-new-privileges": true,
                  "live-restore": true,
                  "userland-proxy": false,
                  "log-driver": "syslog",
                  "authorization-plugins": ["authz-broker"],
                  "default-ulimits": {"nofile": {"Name": "nofile", "Hard": 64000, "Soft": 64000}},
                  "hosts": ["unix:///var/run/docker.sock", "tcp://10.0.0.5:2376"],
                  "tlsverify": true,
                  "tlscacert": "/etc/docker/tls/ca.pem",
                  "tlscert": "/etc/docker/tls/server-cert.pem",
                  "tlskey": "/etc/docker/tls/server-key.pem"
                }
                """, 0644, 0, 0);
        file("/etc/docker/tls/ca.pem", "CA", 0444, 0, 0);
        file("/etc/docker/tls/server-cert.pem", "CERT", 0444, 0, 0);
        file("/etc/docker/tls/server-key.pem", "KEY", 0400, 0, 0);
        file("/etc/docker/certs.d/registry.example:5000/ca.crt", "CA", 0444, 0, 0);
        file("/etc/docker/certs.d/registry.example:5000/client.cert", "CERT", 0444, 0, 0);
        file("/etc/docker/certs.d/registry.example:5000/client.key", "KEY", 0400, 0, 0);
        file("/etc/default/docker", "# unused by this unit\n", 0644, 0, 0);
        file("/etc/sysconfig/docker", "OPTIONS=\n", 0600, 0, 0);
        socket("/run/docker.sock", 0660, 0, DOCKER_GID);
        socket("/run/containerd/containerd.sock", 0660, 0, 0);
        file("/etc/audit/rules.d/10-base.rules", "-D\n-b 8192\n", 0640, 0, 0);
        file("/etc/audit/rules.d/docker.rules", """
                ## Docker (CIS 1.1.3-1.1.18)
                -w /usr/bin/dockerd -k docker
                -a exit,always -F path=/run/containerd -F perm=war -k docker
                -w /var/lib/docker -k docker
                -w /etc/docker -k docker
                -w /lib/systemd/system/docker.service -k docker
                -w /run/containerd/containerd.sock -k docker
                -w /lib/systemd/system/docker.socket -k docker
                -w /etc/default/docker -k docker
                -w /etc/containerd/config.toml -k docker
                -w /etc/sysconfig/docker -k docker
                -w /usr/local/bin/containerd -k docker
                -w /usr/bin/containerd-shim -k docker
                -w /usr/bin/containerd-shim-runc-v1 -k docker
                -w /usr/bin/containerd-shim-runc-v2 -k docker
                -a always,exit -F arch=b64 -F path=/usr/bin/runc -F perm=x -k docker
                """, 0640, 0, 0);
    }

    private void careless() throws IOException {
        accounts("alice,mallory");
        common();
        file("/etc/fstab", "/dev/sda1 / ext4 defaults 0 1\n", 0644, 0, 0);
        file("/lib/systemd/system/docker.service", """
                [Service]
                EnvironmentFile=-/etc/default/docker
                ExecStart=/usr/bin/dockerd $DOCKER_OPTS
                """, 0606, ALICE, ALICE);
        file("/lib/systemd/system/docker.socket", "[Socket]\nListenStream=/run/docker.sock\n", 0664, 0, 0);
        dir("/etc/docker", 0777, 0, 0);
        file("/etc/docker/daemon.json", """
                {
                  "debug": true,
                  "log-level": "info",
                  "icc": true,
                  "iptables": false,
                  "insecure-registries": ["registry.local:5000"],
                  "storage-driver": "aufs",
                  "storage-opts": ["dm.basesize=20G"],
                  "cgroup-parent": "/docker-custom",
                  "experimental": true,
                  "seccomp-profile": "unconfined",
                  "hosts": ["tcp://0.0.0.0:2376"],
                  "tls": true,
                  "tlscacert": "/etc/docker/tls/ca.pem",
                  "tlscert": "/etc/docker/tls/server-cert.pem",
                  "tlskey": "/etc/docker/tls/server-key.pem"
                }
                """, 0664, 0, 0);
        file("/etc/docker/tls/ca.pem", "CA", 0644, 0, 0);
        file("/etc/docker/tls/server-cert.pem", "CERT", 0444, ALICE, 0);
        file("/etc/docker/tls/server-key.pem", "KEY", 0440, 0, 0);
        file("/etc/docker/certs.d/registry.example:5000/ca.crt", "CA", 0644, ALICE, ALICE);
        // icc here and in daemon.json: dockerd refuses to start
        file("/etc/default/docker", "DOCKER_OPTS=\"--icc=true --userland-proxy\"\n", 0646, 0, 0);
        socket("/run/docker.sock", 0666, 0, 0);
        file("/var/lib/docker/swarm/docker-state.json",
                "{\"LocalAddr\":\"10.0.0.5\",\"ListenAddr\":\"0.0.0.0:2377\",\"AdvertiseAddr\":\"10.0.0.5:2377\"}",
                0600, 0, 0);
        file("/var/lib/docker/swarm/certificates/swarm-node.key",
                "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n", 0600, 0, 0);
        // substrings of the wanted paths, a commented rule, and one exact rule (for daemon.json)
        file("/etc/audit/audit.rules", """
                -D
                -w /usr/bin/dockerd-old -k docker
                -w /etc/docker/daemon.json -k docker
                # -w /var/lib/docker -k docker
                -w /run/containerd/containerd.sock.bak -k docker
                """, 0640, 0, 0);
    }

    private void file(String path, String content, int mode, long owner, long group) throws IOException {
        Path p = inRoot(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        setOwnerAndMode(p, mode, owner, group);
    }

    private void dir(String path, int mode, long owner, long group) throws IOException {
        Path p = Files.createDirectories(inRoot(path));
        setOwnerAndMode(p, mode, owner, group);
    }

    private void socket(String path, int mode, long owner, long group) throws IOException {
        Path p = inRoot(path);
        Files.createDirectories(p.getParent());
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(p));
        }
        setOwnerAndMode(p, mode, owner, group);
    }

    private void setOwnerAndMode(Path p, int mode, long owner, long group) throws IOException {
        if (chown) {
            Files.setAttribute(p, "unix:uid", (int) owner, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", (int) group, LinkOption.NOFOLLOW_LINKS);
        }
        Files.setAttribute(p, "unix:mode", mode);
    }

    private Path inRoot(String path) {
        return root.resolve(path.substring(1));
    }
}
