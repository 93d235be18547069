package dev.plimsoll.vulndb.build.nvd;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.FeedSync;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NVD CVE API 2.0 data in the {@code .json} files under {@code nvd/}: each file either one bare {@code cve}
 * object or a whole API response page ({@code vulnerabilities[].cve}). Pages are streamed and only the fields used
 * are kept (the CPE {@code configurations} that make up most of a page are skipped unread), so a 2000-CVE page
 * costs one CVE's memory at a time.
 *
 * <p>A CVE in more than one file is taken from the file that sorts last (by path) and its other copies are passed
 * over: {@link NvdSync} names its folders after the time each sync started, so an incremental download's newer
 * copy replaces the full download's older one. (The database would otherwise merge the copies, keeping the CVSS
 * vectors of both.) The files are read last first for that, and the ids read are remembered: some MiB for NVD's
 * ~300,000 CVEs.
 *
 * <p>The API is paged, so {@link #downloads()} is empty and {@link #sync()} fetches it; see {@link NvdSync} for
 * when it does (only with an API key or when asked for).
 */
public final class NvdFeed implements Feed {
    public static final String ID = "nvd";
    /** A 2000-CVE page is tens of MiB; streamed, so a generous bound costs nothing. */
    static final long MAX_FILE_BYTES = 512L << 20;

    /** The cve fields read; everything else (configurations, references, weaknesses) is skipped. */
    private static final Set<String> CVE_FIELDS = Set.of("id", "lastModified", "descriptions", "metrics");

    private final int pageSize;

    public NvdFeed() {
        this(NvdApi.PAGE_SIZE);
    }

    /** Synced in pages of {@code pageSize} CVEs: tests page through a few records. */
    NvdFeed(int pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        return List.of();
    }

    @Override
    public Optional<FeedSync> sync() {
        return Optional.of(new NvdSync(pageSize));
    }

    @Override
    public boolean present(Path root) {
        return Files.isDirectory(root.resolve("nvd"), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> dir = data.directory("nvd");
        if (dir.isEmpty()) {
            return;
        }
        record Found(Path file, String relative) {
        }
        List<Found> files = new ArrayList<>();
        data.walk(dir.get(), name -> name.endsWith(".json"), Map.of(), (f, r) -> files.add(new Found(f, r)), sink);
        FileReader reader = new FileReader(data, new FeedJson(), sink);
        for (Found f : files.reversed()) {
            reader.read(f.file(), f.relative());
        }
        Optional.ofNullable(reader.newest).ifPresent(sink::dataDate);
    }

    /** Reads one file after another; remembers the newest date seen and the CVEs already read. */
    private static final class FileReader {
        private final DataRoot root;
        private final FeedJson json;
        private final FeedSink sink;
        private final Set<String> read = new HashSet<>();
        private Instant newest;

        FileReader(DataRoot root, FeedJson json, FeedSink sink) {
            this.root = root;
            this.json = json;
            this.sink = sink;
        }

        void read(Path file, String relative) {
            try (InputStream in = root.open(file, MAX_FILE_BYTES);
                 JsonParser parser = json.mapper().createParser(in)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    sink.skipped(relative, "not a JSON object");
                    return;
                }
                // Either a page (vulnerabilities[] beside page fields) or a bare cve: one pass decides.
                ObjectNode top = json.mapper().createObjectNode();
                boolean page = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
                        page = true;
                        readVulnerabilities(parser, relative);
                    } else if (CVE_FIELDS.contains(name) || name.equals("timestamp")) {
                        top.set(name, json.mapper().readTree(parser));
                    } else {
                        parser.skipChildren();
                    }
                }
                if (page) {
                    FeedJson.text(top, "timestamp").flatMap(FeedJson::instant).ifPresent(this::seen);
                } else {
                    emit(top, relative, "");
                }
            } catch (JacksonException e) {
                sink.skipped(relative, "not valid JSON: " + e.getOriginalMessage() + " (records before it were read)");
            } catch (IOException e) {
                sink.skipped(relative, "unreadable: " + e.getMessage());
            }
        }

        private void readVulnerabilities(JsonParser parser, String relative) throws IOException {
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                String where = "vulnerabilities[" + index++ + "]";
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    sink.skipped(relative, where + ": not an object");
                    continue;
                }
                ObjectNode cve = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("cve")) {
                        cve = readCve(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                if (cve == null) {
                    sink.skipped(relative, where + ": no cve object");
                } else {
                    emit(cve, relative, where);
                }
            }
        }

        /** The wanted fields of the cve object the parser is at (on its START_OBJECT). */
        private ObjectNode readCve(JsonParser parser) throws IOException {
            ObjectNode cve = json.mapper().createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (CVE_FIELDS.contains(name)) {
                    cve.set(name, json.mapper().readTree(parser));
                } else {
                    parser.skipChildren();
                }
            }
            return cve;
        }

        private void emit(JsonNode cve, String relative, String where) {
            Optional<String> id = FeedJson.text(cve, "id");
            if (id.isPresent() && NvdCveParser.CVE_ID.matcher(id.get()).matches() && !read.add(id.get())) {
                return;   // a newer copy was read from a file that sorts later
            }
            List<String> problems = new ArrayList<>();
            NvdCveParser.parse(cve, where, problems).ifPresent(sink::cveFacts);
            problems.forEach(problem -> sink.skipped(relative, problem));
            FeedJson.text(cve, "lastModified").flatMap(FeedJson::instant).ifPresent(this::seen);
        }

        private void seen(Instant date) {
            newest = newest == null || date.isAfter(newest) ? date : newest;
        }
    }
}
