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
 * run can ask "changed since?" and check the cache before reusing it. A damaged or unreadable state file is treated
 * as empty (everything is downloaded again); it only ever saves work.
 */
final class UpdateState {
    private static final long MAX_BYTES = 4 << 20;

    /** One cached download. */
    record Entry(String url, Optional<String> etag, Optional<String> lastModified, String sha256, long size,
                 Instant fetchedAt) {
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private UpdateState(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static Path fileFor(Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".update-state.json");
    }

    static UpdateState load(Path file) {
        Map<String, Entry> entries = new TreeMap<>();
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new UpdateState(file, entries);
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
        } catch (NoSuchFileException e) {
            // first update
        } catch (IOException | RuntimeException e) {
            // Forgetting the validators only costs a full download; refusing to update would cost more.
            entries.clear();
        }
        return new UpdateState(file, entries);
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
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
