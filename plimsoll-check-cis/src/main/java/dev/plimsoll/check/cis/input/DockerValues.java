package dev.plimsoll.check.cis.input;

import dev.plimsoll.check.cis.run.RunConfig.Device;
import dev.plimsoll.check.cis.run.RunConfig.Mount;
import dev.plimsoll.check.cis.run.RunConfig.PortBinding;
import dev.plimsoll.check.cis.run.RunConfig.RestartPolicy;
import dev.plimsoll.check.cis.run.RunConfig.SecurityOptions;
import dev.plimsoll.check.cis.run.RunConfig.Ulimit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats Docker shares between {@code docker run} flags, Compose's short syntax and the Engine API:
 * sizes, CPU counts, port and volume specs, devices, ulimits, restart policies and security options. One parser
 * per format, so every input reads them the same way.
 */
public final class DockerValues {
    private static final Pattern RAM = Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kmgtp])?(?:i?b)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave",
            "rslave");
    private static final Set<String> VOLUME_MODES = Set.of("ro", "rw", "z", "Z", "nocopy", "consistent", "cached",
            "delegated");

    private DockerValues() {
    }

    /** Upper case without the {@code CAP_} prefix, as the engine normalises capability names. */
    public static String capability(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }

    /** Go's strconv.ParseBool, which the Docker CLI uses for boolean flag values. */
    public static boolean goBool(String value) throws InvalidValueException {
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new InvalidValueException("\"" + value + "\" is not a boolean");
        };
    }

    /** A memory size as docker-units' RAMInBytes reads it: binary multiples, "512m", "1g", "1.5GiB", plain bytes. */
    public static long ramInBytes(String value) throws InvalidValueException {
        Matcher m = RAM.matcher(value.trim());
        if (!m.matches()) {
            throw new InvalidValueException("\"" + value + "\" is not a size (expected e.g. 512m, 1g)");
        }
        int shift = m.group(2) == null ? 0 : switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 50;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidValueException("\"" + value + "\" is too large");
        }
        return bytes.longValue();
    }

    /** A CPU count ("1.5") as nano CPUs, the way {@code --cpus} and Compose's {@code cpus} are stored. */
    public static long nanoCpus(String value) throws InvalidValueException {
        try {
            BigDecimal cpus = new BigDecimal(value.trim());
            if (cpus.signum() < 0 || cpus.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                throw new InvalidValueException("\"" + value + "\" is not a CPU count");
            }
            BigDecimal nanos = cpus.movePointRight(9);
            if (nanos.stripTrailingZeros().scale() > 0) {
                throw new InvalidValueException("\"" + value + "\" has more than nine decimal places");
            }
            return nanos.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException("\"" + value + "\" is not a CPU count");
        }
    }

    public static long parseLong(String value, String what) throws InvalidValueException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("\"" + value + "\" is not a whole number (" + what + ")");
        }
    }

    /** {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]}; "no" is the default, so NONE. */
    public static RestartPolicy restart(String value) throws InvalidValueException {
        String[] parts = value.trim().split(":", 2);
        String name = parts[0];
        switch (name) {
            case "", "no" -> {
                if (parts.length > 1) {
                    throw new InvalidValueException("restart policy \"" + value + "\" takes no retry count");
                }
                return RestartPolicy.NONE;
            }
            case "always", "unless-stopped" -> {
                if (parts.length > 1) {
                    throw new InvalidValueException("restart policy \"" + value + "\" takes no retry count");
                }
                return new RestartPolicy(name, 0);
            }
            case "on-failure" -> {
                int retries = 0;
                if (parts.length > 1) {
                    try {
                        retries = Integer.parseInt(parts[1]);
                    } catch (NumberFormatException e) {
                        throw new InvalidValueException("restart policy \"" + value + "\": bad retry count");
                    }
                    if (retries < 0) {
                        throw new InvalidValueException("restart policy \"" + value + "\": negative retry count");
                    }
                }
                return new RestartPolicy(name, retries);
            }
            default -> throw new InvalidValueException("\"" + value + "\" is not a restart policy");
        }
    }

    /**
     * Security options as the daemon reads them: {@code seccomp=}, {@code apparmor=}, {@code label=} (or the old
     * {@code :} separator), {@code no-new-privileges} alone or with {@code =}/{@code :} and a boolean.
     */
    public static SecurityOptions securityOptions(List<String> options) throws InvalidValueException {
        Optional<String> seccomp = Optional.empty();
        Optional<String> apparmor = Optional.empty();
        List<String> labels = new ArrayList<>();
        Optional<Boolean> noNewPrivileges = Optional.empty();
        for (String option : options) {
            if (option.equals("no-new-privileges")) {
                noNewPrivileges = Optional.of(true);
                continue;
            }
            if (option.equals("disable")) {
                // the daemon's legacy spelling of label=disable
                labels.add("disable");
                continue;
            }
            int eq = option.indexOf('=');
            int colon = option.indexOf(':');
            int cut = eq >= 0 ? eq : colon;
            if (cut < 0) {
                throw new InvalidValueException("security option \"" + abbreviate(option)
                        + "\" has no value (expected key=value)");
            }
            String key = option.substring(0, cut);
            String value = option.substring(cut + 1);
            switch (key) {
                case "seccomp" -> seccomp = Optional.of(value);
                case "apparmor" -> apparmor = Optional.of(value);
                case "label" -> labels.add(value);
                case "no-new-privileges" -> noNewPrivileges = Optional.of(goBool(value));
                case "systempaths", "writable-cgroups", "credentialspec", "mask", "unmask", "proc-opts" -> {
                    // recorded in raw; the checks of this benchmark do not judge them
                }
                default -> throw new InvalidValueException("unknown security option \"" + abbreviate(key) + "\"");
            }
        }
        return new SecurityOptions(seccomp, apparmor, labels, noNewPrivileges, options);
    }

    /**
     * A published-port spec {@code [ip:][hostPort:]containerPort[/proto]}, IPv6 addresses in brackets, port ranges
     * ({@code 8000-8010:8000-8010}) expanded as the CLI does.
     */
    public static List<PortBinding> ports(String spec) throws InvalidValueException {
        String rest = spec.trim();
        String protocol = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1).toLowerCase(Locale.ROOT);
            rest = rest.substring(0, slash);
            if (!Set.of("tcp", "udp", "sctp").contains(protocol)) {
                throw new InvalidValueException("port \"" + spec + "\": unknown protocol \"" + protocol + "\"");
            }
        }
        String ip = "";
        String hostPart = "";
        String containerPart;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new InvalidValueException("port \"" + spec + "\": bad IPv6 address");
            }
            ip = rest.substring(1, close);
            String[] after = rest.substring(close + 2).split(":", -1);
            if (after.length != 2) {
                throw new InvalidValueException("port \"" + spec + "\": expected [ip]:hostPort:containerPort");
            }
            hostPart = after[0];
            containerPart = after[1];
        } else {
            String[] parts = rest.split(":", -1);
            switch (parts.length) {
                case 1 -> containerPart = parts[0];
                case 2 -> {
                    hostPart = parts[0];
                    containerPart = parts[1];
                }
                default -> {
                    // the last two fields are ports; anything before is the address (an unbracketed IPv6 one)
                    ip = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2));
                    hostPart = parts[parts.length - 2];
                    containerPart = parts[parts.length - 1];
                }
            }
        }
        int[] container = portRange(containerPart, spec);
        if (container[0] == 0) {
            throw new InvalidValueException("port \"" + spec + "\": no container port");
        }
        int[] host = hostPart.isEmpty() ? new int[]{0, 0} : portRange(hostPart, spec);
        int count = container[1] - container[0] + 1;
        int hostCount = host[1] - host[0] + 1;
        List<PortBinding> bindings = new ArrayList<>();
        if (hostPart.isEmpty() || hostCount == count) {
            for (int i = 0; i < count; i++) {
                int hostPort = hostPart.isEmpty() ? 0 : host[0] + i;
                bindings.add(new PortBinding(ip, hostPort, container[0] + i, protocol));
            }
        } else if (count == 1) {
            // one container port, a host range: the engine picks a free port from the range; its lowest is kept
            bindings.add(new PortBinding(ip, host[0], container[0], protocol));
        } else {
            throw new InvalidValueException("port \"" + spec + "\": host and container ranges differ in length");
        }
        return bindings;
    }

    private static int[] portRange(String text, String spec) throws InvalidValueException {
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw new InvalidValueException("port \"" + spec + "\": bad range \"" + text + "\"");
        }
        int start = port(ends[0], spec);
        int end = ends.length == 2 ? port(ends[1], spec) : start;
        if (end < start) {
            throw new InvalidValueException("port \"" + spec + "\": range \"" + text + "\" ends before it starts");
        }
        return new int[]{start, end};
    }

    private static int port(String text, String spec) throws InvalidValueException {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65_535) {
                throw new InvalidValueException("port \"" + spec + "\": " + text + " is out of range");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("port \"" + spec + "\": \"" + text + "\" is not a port number");
        }
    }

    /**
     * A {@code -v}/Compose short volume spec {@code [source:]destination[:options]}: an absolute or relative path
     * source is a bind mount, a name a named volume, no source an anonymous volume.
     */
    public static Mount volume(String spec) throws InvalidValueException {
        String[] parts = spec.split(":", -1);
        String source = "";
        String destination;
        String options = "";
        switch (parts.length) {
            case 1 -> destination = parts[0];
            case 2 -> {
                if (parts[1].startsWith("/")) {
                    source = parts[0];
                    destination = parts[1];
                } else {
                    // an anonymous volume with options: /data:ro
                    destination = parts[0];
                    options = parts[1];
                }
            }
            case 3 -> {
                source = parts[0];
                destination = parts[1];
                options = parts[2];
            }
            default -> throw new InvalidValueException("volume \"" + spec + "\": too many ':'-separated fields");
        }
        if (destination.isEmpty() || !destination.startsWith("/")) {
            throw new InvalidValueException("volume \"" + spec + "\": the destination must be an absolute path");
        }
        boolean readWrite = true;
        String propagation = "";
        if (!options.isEmpty()) {
            for (String option : options.split(",")) {
                if (option.equals("ro")) {
                    readWrite = false;
                } else if (PROPAGATIONS.contains(option)) {
                    propagation = option;
                } else if (!VOLUME_MODES.contains(option)) {
                    throw new InvalidValueException("volume \"" + spec + "\": unknown option \"" + option + "\"");
                }
            }
        }
        String type = source.isEmpty() ? "volume" : isPathSource(source) ? "bind" : "volume";
        return new Mount(type, source, destination, readWrite, propagation);
    }

    public static boolean isPathSource(String source) {
        return source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
    }

    /** A device {@code host[:container][:permissions]}; permissions default to "rwm". */
    public static Device device(String spec) throws InvalidValueException {
        String[] parts = spec.split(":", -1);
        String host = parts[0];
        String container = host;
        String permissions = "rwm";
        switch (parts.length) {
            case 1 -> {
            }
            case 2 -> {
                if (isDevicePermissions(parts[1])) {
                    permissions = parts[1];
                } else {
                    container = parts[1];
                }
            }
            case 3 -> {
                container = parts[1];
                permissions = parts[2];
                if (!isDevicePermissions(permissions)) {
                    throw new InvalidValueException("device \"" + spec + "\": bad permissions \"" + permissions
                            + "\" (expected a combination of r, w, m)");
                }
            }
            default -> throw new InvalidValueException("device \"" + spec + "\": too many ':'-separated fields");
        }
        if (host.isEmpty() || container.isEmpty()) {
            throw new InvalidValueException("device \"" + spec + "\": empty path");
        }
        return new Device(host, container, permissions);
    }

    private static boolean isDevicePermissions(String text) {
        return !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm')
                && text.chars().distinct().count() == text.length();
    }

    /** A ulimit {@code name=soft[:hard]}; hard defaults to soft. */
    public static Ulimit ulimit(String spec) throws InvalidValueException {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new InvalidValueException("ulimit \"" + spec + "\": expected name=soft[:hard]");
        }
        String name = spec.substring(0, eq);
        String[] limits = spec.substring(eq + 1).split(":", -1);
        if (limits.length > 2) {
            throw new InvalidValueException("ulimit \"" + spec + "\": too many ':'-separated limits");
        }
        long soft = parseLong(limits[0], "ulimit " + name);
        long hard = limits.length == 2 ? parseLong(limits[1], "ulimit " + name) : soft;
        return ulimit(name, soft, hard);
    }

    public static Ulimit ulimit(String name, long soft, long hard) throws InvalidValueException {
        if (soft > hard && hard >= 0) {
            throw new InvalidValueException("ulimit " + name + ": soft limit " + soft + " exceeds hard limit " + hard);
        }
        return new Ulimit(name, soft, hard);
    }

    /** A tmpfs spec {@code path[:options]}. */
    public static Map.Entry<String, String> tmpfs(String spec) throws InvalidValueException {
        int colon = spec.indexOf(':');
        String path = colon < 0 ? spec : spec.substring(0, colon);
        if (!path.startsWith("/")) {
            throw new InvalidValueException("tmpfs \"" + spec + "\": the path must be absolute");
        }
        return Map.entry(path, colon < 0 ? "" : spec.substring(colon + 1));
    }

    /** Keeps evidence readable when a value (an inline seccomp profile) is long. */
    public static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
