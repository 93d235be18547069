package dev.plimsoll.image.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.Healthcheck;
import dev.plimsoll.core.image.HistoryEntry;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.json.Fields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns an OCI / Docker image config document into {@link ImageConfig}. Missing fields are empty; fields of the
 * wrong type are errors naming the document and the field.
 */
public final class ConfigParser {
    private static final Platform UNKNOWN = new Platform("unknown", "unknown", Optional.empty());

    private ConfigParser() {
    }

    /**
     * @param fallback the platform to report when the config names none (the manifest descriptor's, if any)
     */
    public static ImageConfig parse(Fields f, JsonNode document, Optional<Platform> fallback) {
        JsonNode root = f.root(document);
        Platform platform = platform(f, root).or(() -> fallback).orElse(UNKNOWN);
        JsonNode run = f.object(root, "config", "").orElse(MissingNode.getInstance());
        String c = "config";
        return new ImageConfig(
                platform,
                f.nonBlank(run, "User", c),
                f.strings(run, "Env", c),
                f.strings(run, "Entrypoint", c),
                f.strings(run, "Cmd", c),
                f.nonBlank(run, "WorkingDir", c),
                f.keys(run, "ExposedPorts", c),
                f.keys(run, "Volumes", c),
                f.stringMap(run, "Labels", c),
                healthcheck(f, run),
                f.nonBlank(run, "StopSignal", c),
                f.nonBlank(root, "created", ""),
                history(f, root),
                diffIds(f, root));
    }

    private static Optional<Platform> platform(Fields f, JsonNode root) {
        Optional<String> os = f.nonBlank(root, "os", "");
        Optional<String> arch = f.nonBlank(root, "architecture", "");
        if (os.isEmpty() || arch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Platform(os.get(), arch.get(), f.nonBlank(root, "variant", "")));
    }

    private static Optional<Healthcheck> healthcheck(Fields f, JsonNode run) {
        Optional<JsonNode> hc = f.object(run, "Healthcheck", "config");
        if (hc.isEmpty()) {
            return Optional.empty();
        }
        String p = "config.Healthcheck";
        JsonNode h = hc.get();
        List<String> test = f.strings(h, "Test", p);
        if (test.isEmpty()) {
            // no test means "inherit from the base image": nothing this config decides
            return Optional.empty();
        }
        OptionalLong retries = f.integer(h, "Retries", p);
        if (retries.isPresent() && (retries.getAsLong() < 0 || retries.getAsLong() > Integer.MAX_VALUE)) {
            throw f.error(p + ".Retries", "is out of range: " + retries.getAsLong());
        }
        return Optional.of(new Healthcheck(test, nanos(f, h, "Interval", p), nanos(f, h, "Timeout", p),
                nanos(f, h, "StartPeriod", p),
                retries.isPresent() && retries.getAsLong() > 0
                        ? Optional.of((int) retries.getAsLong()) : Optional.empty()));
    }

    /** Docker stores healthcheck durations in nanoseconds; zero means "default". */
    private static Optional<Duration> nanos(Fields f, JsonNode h, String field, String path) {
        OptionalLong v = f.integer(h, field, path);
        if (v.isPresent() && v.getAsLong() < 0) {
            throw f.error(path + "." + field, "must not be negative");
        }
        return v.isPresent() && v.getAsLong() > 0 ? Optional.of(Duration.ofNanos(v.getAsLong())) : Optional.empty();
    }

    private static List<HistoryEntry> history(Fields f, JsonNode root) {
        List<JsonNode> items = f.array(root, "history", "");
        List<HistoryEntry> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String p = "history[" + i + "]";
            JsonNode h = items.get(i);
            if (!h.isObject()) {
                throw f.error(p, "must be an object");
            }
            out.add(new HistoryEntry(f.nonBlank(h, "created", p), f.nonBlank(h, "created_by", p),
                    f.nonBlank(h, "comment", p), f.bool(h, "empty_layer", p)));
        }
        return out;
    }

    private static List<Digest> diffIds(Fields f, JsonNode root) {
        Optional<JsonNode> rootfs = f.object(root, "rootfs", "");
        if (rootfs.isEmpty()) {
            return List.of();
        }
        List<String> ids = f.strings(rootfs.get(), "diff_ids", "rootfs");
        List<Digest> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            try {
                out.add(Digest.parse(ids.get(i)));
            } catch (IllegalArgumentException e) {
                throw f.error("rootfs.diff_ids[" + i + "]", "is not a valid digest: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The created_by of the history entries that made layers, one per layer, or empty values when the history
     * does not line up with the layers (then a mapping would attribute commands to the wrong layers).
     */
    public static List<Optional<String>> layerCommands(ImageConfig config, int layerCount) {
        List<HistoryEntry> made = config.history().stream().filter(h -> !h.emptyLayer()).toList();
        List<Optional<String>> out = new ArrayList<>(layerCount);
        for (int i = 0; i < layerCount; i++) {
            out.add(made.size() == layerCount ? made.get(i).createdBy() : Optional.empty());
        }
        return out;
    }
}
