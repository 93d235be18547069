package dev.plimsoll.vulndb.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the updater remembers between runs, in a small JSON file next to the database: per download key, the URL
 * fetched, the validators the server sent (ETag, Last-Modified) and the cached copy's size and SHA-256, so the next
 * run can ask "changed since?" and check the cache before reusing it; per {@link FeedSync} key, the base URL and
 * when its last successful sync started (where the next incremental sync starts). A damaged or unreadable state
 * file is treated as empty (everything is downloaded again); it only ever saves work.
 */
final class UpdateState {
    private static final long MAX_BYTES = 4 << 20;

    /** One cached download. */
    record Entry(String url, Optional<String> etag, Optional<String> lastModified, String sha256, long size,
                 Instant fetchedAt) {
    }

    /** One API sync: the base URL synced from, and when the last successful sync started. */
    record Sync(String url, Instant syncedAt) {
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private final Map<String, Sync> syncs;

    private UpdateState(Path file, Map<String, Entry> entries, Map<String, Sync> syncs) {
        this.file = file;
        this.entries = entries;
        this.syncs = syncs;
    }

    static Path fileFor(Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".update-state.json");
    }

    static UpdateState load(Path file) {
        Map<String, Entry> entries = new TreeMap<>();
        Map<String, Sync> syncs = new TreeMap<>();
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new UpdateState(file, entries, syncs);
            }
            JsonNode root;
            try (InputStream in = Files.newInputStream(file)) {
                root = new FeedJson().mapper().readTree(in);
            }
            JsonNode downloads = root == null ? null : root.get("downloads");
            if (downloads != null && downloads.isObject()) {
                for (Map.Entry<String, JsonNode> e : downloads.properties()) {
                    entry(e.getValue()).ifPresent(v -> entries.put(e.getKey(), v));
                }
            }
            JsonNode syncNodes = root == null ? null : root.get("syncs");
            if (syncNodes != null && syncNodes.isObject()) {
                for (Map.Entry<String, JsonNode> e : syncNodes.properties()) {
                    sync(e.getValue()).ifPresent(v -> syncs.put(e.getKey(), v));
                }
            }
        } catch (NoSuchFileException e) {
            // first update
        } catch (IOException | RuntimeException e) {
            // Forgetting the validators only costs a full download; refusing to update would cost more.
            entries.clear();
            syncs.clear();
        }
        return new UpdateState(file, entries, syncs);
    }

    private static Optional<Sync> sync(JsonNode n) {
        Optional<String> url = FeedJson.text(n, "url");
        Optional<Instant> at = FeedJson.text(n, "syncedAt").flatMap(t -> {
            try {
                return Optional.of(Instant.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
        return url.isPresent() && at.isPresent() ? Optional.of(new Sync(url.get(), at.get())) : Optional.empty();
    }

    private static Optional<Entry> entry(JsonNode n) {
        Optional<String> url = FeedJson.text(n, "url");
        Optional<String> sha = FeedJson.text(n, "sha256");
        Optional<String> fetched = FeedJson.text(n, "fetchedAt");
        JsonNode size = n.get("size");
        if (url.isEmpty() || sha.isEmpty() || fetched.isEmpty() || size == null || !size.canConvertToLong()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(url.get(), FeedJson.text(n, "etag"), FeedJson.text(n, "lastModified"),
                    sha.get(), size.asLong(), Instant.parse(fetched.get())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Records a download and rewrites the file at once (atomically), so a later failure does not lose it. */
    synchronized void put(String key, Entry entry) throws IOException {
        entries.put(key, entry);
        save();
    }

    synchronized void remove(String key) throws IOException {
        if (entries.remove(key) != null) {
            save();
        }
    }

    synchronized Optional<Sync> sync(String key) {
        return Optional.ofNullable(syncs.get(key));
    }

    /** Records a successful sync and rewrites the file at once (atomically). */
    synchronized void putSync(String key, Sync sync) throws IOException {
        syncs.put(key, sync);
        save();
    }

    synchronized void removeSync(String key) throws IOException {
        if (syncs.remove(key) != null) {
            save();
        }
    }

    private void save() throws IOException {
        FeedJson json = new FeedJson();
        ObjectNode root = json.mapper().createObjectNode();
        ObjectNode downloads = root.putObject("downloads");
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry v = e.getValue();
            ObjectNode n = downloads.putObject(e.getKey());
            n.put("url", v.url());
            v.etag().ifPresent(t -> n.put("etag", t));
            v.lastModified().ifPresent(t -> n.put("lastModified", t));
            n.put("sha256", v.sha256());
            n.put("size", v.size());
            n.put("fetchedAt", v.fetchedAt().toString());
        }
        ObjectNode syncNodes = root.putObject("syncs");
        for (Map.Entry<String, Sync> e : syncs.entrySet()) {
            ObjectNode n = syncNodes.putObject(e.getKey());
            n.put("url", e.getValue().url());
            n.put("syncedAt", e.getValue().syncedAt().toString());
        }
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
