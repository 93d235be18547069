package dev.plimsoll.check.cis.input.daemon;

import dev.plimsoll.check.cis.input.daemon.DaemonOption.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dockerd's options (Docker Engine 20.10 to 27: {@code dockerd --help} and the daemon.json reference), with the key and
 * flags of each. Keys that only daemon.json has carry no flag; {@code config-file} is a flag only.
 */
public final class DaemonOptions {
    public static final List<DaemonOption> ALL = List.of(
            o("allow-nondistributable-artifacts", Type.LIST, "--allow-nondistributable-artifacts"),
            o("api-cors-header", Type.TEXT, "--api-cors-header"),
            o("authorization-plugins", Type.LIST, "--authorization-plugin"),
            o("bip", Type.TEXT, "--bip"),
            o("bridge", Type.TEXT, "--bridge", "-b"),
            o("builder", Type.MAP),
            o("cdi-spec-dirs", Type.LIST, "--cdi-spec-dir"),
            o("cgroup-parent", Type.TEXT, "--cgroup-parent"),
            o("config-file", Type.TEXT, "--config-file"),
            o("containerd", Type.TEXT, "--containerd"),
            o("containerd-namespace", Type.TEXT, "--containerd-namespace"),
            o("containerd-plugins-namespace", Type.TEXT, "--containerd-plugins-namespace"),
            o("cpu-rt-period", Type.TEXT, "--cpu-rt-period"),
            o("cpu-rt-runtime", Type.TEXT, "--cpu-rt-runtime"),
            o("cri-containerd", Type.BOOL, "--cri-containerd"),
            o("data-root", Type.TEXT, "--data-root", "--graph", "-g"),
            o("debug", Type.BOOL, "--debug", "-D"),
            o("default-address-pools", Type.LIST, "--default-address-pool"),
            o("default-cgroupns-mode", Type.TEXT, "--default-cgroupns-mode"),
            o("default-gateway", Type.TEXT, "--default-gateway"),
            o("default-gateway-v6", Type.TEXT, "--default-gateway-v6"),
            o("default-ipc-mode", Type.TEXT, "--default-ipc-mode"),
            o("default-network-opts", Type.MAP, "--default-network-opt"),
            o("default-runtime", Type.TEXT, "--default-runtime"),
            o("default-shm-size", Type.TEXT, "--default-shm-size"),
            o("default-ulimits", Type.MAP, "--default-ulimit"),
            o("dns", Type.LIST, "--dns"),
            o("dns-opts", Type.LIST, "--dns-opt"),
            o("dns-search", Type.LIST, "--dns-search"),
            o("exec-opts", Type.LIST, "--exec-opt"),
            o("exec-root", Type.TEXT, "--exec-root"),
            o("experimental", Type.BOOL, "--experimental"),
            o("features", Type.MAP, "--feature"),
            o("fixed-cidr", Type.TEXT, "--fixed-cidr"),
            o("fixed-cidr-v6", Type.TEXT, "--fixed-cidr-v6"),
            o("group", Type.TEXT, "--group", "-G"),
            o("host-gateway-ip", Type.TEXT, "--host-gateway-ip"),
            o("hosts", Type.LIST, "--host", "-H"),
            o("http-proxy", Type.TEXT, "--http-proxy"),
            o("https-proxy", Type.TEXT, "--https-proxy"),
            o("icc", Type.BOOL, "--icc"),
            o("init", Type.BOOL, "--init"),
            o("init-path", Type.TEXT, "--init-path"),
            o("insecure-registries", Type.LIST, "--insecure-registry"),
            o("ip", Type.TEXT, "--ip"),
            o("ip-forward", Type.BOOL, "--ip-forward"),
            o("ip-masq", Type.BOOL, "--ip-masq"),
            o("ip6tables", Type.BOOL, "--ip6tables"),
            o("iptables", Type.BOOL, "--iptables"),
            o("ipv6", Type.BOOL, "--ipv6"),
            o("labels", Type.LIST, "--label"),
            o("live-restore", Type.BOOL, "--live-restore"),
            o("log-driver", Type.TEXT, "--log-driver"),
            o("log-format", Type.TEXT, "--log-format"),
            o("log-level", Type.TEXT, "--log-level", "-l"),
            o("log-opts", Type.MAP, "--log-opt"),
            o("max-concurrent-downloads", Type.TEXT, "--max-concurrent-downloads"),
            o("max-concurrent-uploads", Type.TEXT, "--max-concurrent-uploads"),
            o("max-download-attempts", Type.TEXT, "--max-download-attempts"),
            o("metrics-addr", Type.TEXT, "--metrics-addr"),
            o("mtu", Type.TEXT, "--mtu"),
            o("network-control-plane-mtu", Type.TEXT, "--network-control-plane-mtu"),
            o("no-new-privileges", Type.BOOL, "--no-new-privileges"),
            o("no-proxy", Type.TEXT, "--no-proxy"),
            o("node-generic-resources", Type.LIST, "--node-generic-resource"),
            o("oom-score-adjust", Type.TEXT, "--oom-score-adjust"),
            o("pidfile", Type.TEXT, "--pidfile", "-p"),
            o("raw-logs", Type.BOOL, "--raw-logs"),
            o("registry-mirrors", Type.LIST, "--registry-mirror"),
            o("rootless", Type.BOOL, "--rootless"),
            o("runtimes", Type.MAP, "--add-runtime"),
            o("seccomp-profile", Type.TEXT, "--seccomp-profile"),
            o("selinux-enabled", Type.BOOL, "--selinux-enabled"),
            o("shutdown-timeout", Type.TEXT, "--shutdown-timeout"),
            o("storage-driver", Type.TEXT, "--storage-driver", "-s"),
            o("storage-opts", Type.LIST, "--storage-opt"),
            o("swarm-default-advertise-addr", Type.TEXT, "--swarm-default-advertise-addr"),
            o("tls", Type.BOOL, "--tls"),
            o("tlscacert", Type.TEXT, "--tlscacert"),
            o("tlscert", Type.TEXT, "--tlscert"),
            o("tlskey", Type.TEXT, "--tlskey"),
            o("tlsverify", Type.BOOL, "--tlsverify"),
            o("userland-proxy", Type.BOOL, "--userland-proxy"),
            o("userland-proxy-path", Type.TEXT, "--userland-proxy-path"),
            o("userns-remap", Type.TEXT, "--userns-remap"),
            o("validate", Type.BOOL, "--validate"));

    private static final Map<String, DaemonOption> BY_KEY = index(false);
    private static final Map<String, DaemonOption> BY_FLAG = index(true);

    private DaemonOptions() {
    }

    private static DaemonOption o(String key, Type type, String... flags) {
        return new DaemonOption(key, List.of(flags), type);
    }

    private static Map<String, DaemonOption> index(boolean flags) {
        Map<String, DaemonOption> m = new HashMap<>();
        for (DaemonOption option : ALL) {
            if (flags) {
                option.flags().forEach(f -> m.put(f, option));
            } else {
                m.put(option.key(), option);
            }
        }
        return Map.copyOf(m);
    }

    public static Optional<DaemonOption> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** By flag as written: "--icc", "-H". */
    public static Optional<DaemonOption> byFlag(String flag) {
        return Optional.ofNullable(BY_FLAG.get(flag));
    }
}
