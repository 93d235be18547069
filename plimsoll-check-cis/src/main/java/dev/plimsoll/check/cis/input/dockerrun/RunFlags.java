package dev.plimsoll.check.cis.input.dockerrun;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every flag of {@code docker run} and {@code docker create} in the current Docker CLI (cli/command/container
 * opts.go, run.go, create.go), with its shorthand and whether it takes a value, so a line is split into flags and
 * values exactly as pflag does and an unknown flag is an error rather than a guess.
 */
final class RunFlags {
    /** @param name the long name without dashes; {@code shorthand} 0 when there is none */
    record Flag(String name, char shorthand, boolean takesValue) {
        String display() {
            return "--" + name;
        }
    }

    private static final List<String> BOOLEANS = List.of("d detach", "i interactive", "t tty", "rm", "read-only",
            "privileged", "P publish-all", "no-healthcheck", "init", "oom-kill-disable", "q quiet",
            "disable-content-trust", "sig-proxy", "use-api-socket", "help");

    private static final List<String> VALUES = List.of("a attach", "device-cgroup-rule", "device", "gpus", "e env",
            "env-file", "entrypoint", "group-add", "h hostname", "domainname", "l label", "label-file", "restart",
            "stop-signal", "stop-timeout", "sysctl", "ulimit", "u user", "w workdir", "cap-add", "cap-drop",
            "security-opt", "userns", "cgroupns", "add-host", "dns", "dns-opt", "dns-option", "dns-search", "expose",
            "ip", "ip6", "link", "link-local-ip", "mac-address", "p publish", "net", "network", "net-alias",
            "network-alias", "log-driver", "volume-driver", "log-opt", "storage-opt", "tmpfs", "volumes-from",
            "v volume", "mount", "health-cmd", "health-interval", "health-retries", "health-timeout",
            "health-start-period", "health-start-interval", "blkio-weight", "blkio-weight-device", "cidfile",
            "cpuset-cpus", "cpuset-mems", "cpu-count", "cpu-percent", "cpu-period", "cpu-quota", "cpu-rt-period",
            "cpu-rt-runtime", "c cpu-shares", "cpus", "device-read-bps", "device-read-iops", "device-write-bps",
            "device-write-iops", "io-maxbandwidth", "io-maxiops", "kernel-memory", "m memory", "memory-reservation",
            "memory-swap", "memory-swappiness", "oom-score-adj", "pids-limit", "cgroup-parent", "ipc", "isolation",
            "pid", "shm-size", "uts", "runtime", "annotation", "detach-keys", "name", "platform", "pull");

    /** The docker command's own flags, which may come before the {@code run} subcommand. */
    private static final List<String> GLOBAL_BOOLEANS = List.of("D debug", "tls", "tlsverify", "v version", "help");
    private static final List<String> GLOBAL_VALUES = List.of("H host", "c context", "config", "l log-level",
            "tlscacert", "tlscert", "tlskey");

    static final RunFlags RUN = new RunFlags(BOOLEANS, VALUES);
    static final RunFlags GLOBAL = new RunFlags(GLOBAL_BOOLEANS, GLOBAL_VALUES);

    private final Map<String, Flag> byName = new HashMap<>();
    private final Map<Character, Flag> byShorthand = new HashMap<>();

    private RunFlags(List<String> booleans, List<String> values) {
        booleans.forEach(spec -> add(spec, false));
        values.forEach(spec -> add(spec, true));
    }

    private void add(String spec, boolean takesValue) {
        String[] parts = spec.split(" ");
        Flag flag = parts.length == 2 ? new Flag(parts[1], parts[0].charAt(0), takesValue)
                : new Flag(parts[0], (char) 0, takesValue);
        byName.put(flag.name(), flag);
        if (flag.shorthand() != 0) {
            byShorthand.put(flag.shorthand(), flag);
        }
    }

    Optional<Flag> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Optional<Flag> shorthand(char c) {
        return Optional.ofNullable(byShorthand.get(c));
    }
}
