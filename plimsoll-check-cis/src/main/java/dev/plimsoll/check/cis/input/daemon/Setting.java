package dev.plimsoll.check.cis.input.daemon;

import java.util.List;
import java.util.Objects;

/**
 * One option's effective value and where it was set.
 *
 * @param values the value(s) as text: "true"/"false" for booleans, one entry per list element or repeated flag,
 *               "name=value" per map entry (a nested object as its JSON)
 * @param source the file it came from ("/etc/docker/daemon.json", "/lib/systemd/system/docker.service")
 * @param field  the key or flag as written there ("icc", "--icc", "-H")
 */
public record Setting(String key, List<String> values, String source, String field) {
    public Setting {
        Objects.requireNonNull(key);
        values = List.copyOf(values);
        Objects.requireNonNull(source);
        Objects.requireNonNull(field);
    }

    /** The value a single-valued option ends up with: the last one given. */
    public String last() {
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }

    public String display() {
        return String.join(", ", values);
    }
}
