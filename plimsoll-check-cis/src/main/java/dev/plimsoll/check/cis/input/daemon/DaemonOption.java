package dev.plimsoll.check.cis.input.daemon;

import java.util.List;
import java.util.Objects;

/**
 * One dockerd option: its daemon.json key and its command-line flags (long first, then the short form if any).
 * dockerd maps them one to one, which is also how it finds an option set twice.
 */
public record DaemonOption(String key, List<String> flags, Type type) {
    /** How values combine: a BOOL flag alone means true; LIST and MAP flags repeat and accumulate. */
    public enum Type { BOOL, TEXT, LIST, MAP }

    public DaemonOption {
        Objects.requireNonNull(key);
        flags = List.copyOf(flags);
        Objects.requireNonNull(type);
    }
}
