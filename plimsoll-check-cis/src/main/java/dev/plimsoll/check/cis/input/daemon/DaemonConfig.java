package dev.plimsoll.check.cis.input.daemon;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Docker daemon's effective configuration: daemon.json and the dockerd flags merged as dockerd merges them, each
 * option with where it was set. Unset options are absent; the accessors apply dockerd's defaults.
 *
 * @param name    what the report calls this daemon ("dockerd on /", "dockerd (daemon.json)")
 * @param sources the files read, for messages
 */
public record DaemonConfig(String name, Map<String, Setting> settings, List<String> sources) {
    public static final String DEFAULT_DATA_ROOT = "/var/lib/docker";

    public DaemonConfig {
        Objects.requireNonNull(name);
        settings = Map.copyOf(settings);
        sources = List.copyOf(sources);
    }

    public Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * A boolean option's value, {@code defaultValue} when unset or not a boolean; the spellings are Go's
     * strconv.ParseBool, which dockerd's flags accept.
     */
    public boolean bool(String key, boolean defaultValue) {
        return get(key).map(Setting::last).map(v -> switch (v) {
            case "true", "True", "TRUE", "t", "T", "1" -> true;
            case "false", "False", "FALSE", "f", "F", "0" -> false;
            default -> defaultValue;
        }).orElse(defaultValue);
    }

    /** A single-valued option's value; empty when unset or set to "". */
    public Optional<String> text(String key) {
        return get(key).map(Setting::last).filter(v -> !v.isEmpty());
    }

    /** A list or map option's entries; empty when unset. */
    public List<String> list(String key) {
        return get(key).map(Setting::values).orElse(List.of());
    }

    /**
     * The log level dockerd runs with: {@code debug} when debug is on (dockerd sets the level to debug then, whatever
     * log-level says), else log-level, else info.
     */
    public String logLevel() {
        if (bool("debug", false)) {
            return "debug";
        }
        return text("log-level").orElse("info");
    }

    /** Where dockerd keeps its state: data-root (or the deprecated graph), default /var/lib/docker. */
    public String dataRoot() {
        return text("data-root").orElse(DEFAULT_DATA_ROOT);
    }

    /** The addresses dockerd listens on; without -H/hosts it listens on unix:///var/run/docker.sock. */
    public List<String> hosts() {
        return list("hosts");
    }
}
