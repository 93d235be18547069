package dev.plimsoll.vulndb.build.debian;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import dev.plimsoll.vulndb.build.layout.Unread;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Debian security tracker's whole state as JSON ({@code https://security-tracker.debian.org/tracker/data/json},
 * stored as {@code debian/tracker.json}): {@code {source-package: {CVE-or-TEMP-id: {description, scope, debianbug,
 * releases: {codename: {status, repositories, fixed_version, urgency, nodsa, nodsa_reason}}}}}}. Each (source
 * package, issue, release) becomes one {@link dev.plimsoll.core.advisory.Advisory} keyed by the source package in
 * "debian:N"; see {@link TrackerReleaseState} for the states and {@link DebianUrgency} for severities.
 *
 * <p>The document is large (tens of MB), so it is streamed one source package at a time. It carries no date, so the
 * file's modification time (the download time) is reported as the data date.
 */
public final class DebianTrackerFeed implements Feed {
    public static final String ID = "debian-tracker";
    static final String FILE = "debian/tracker.json";
    private static final URI URL = URI.create("https://security-tracker.debian.org/tracker/data/json");
    /** The live document is under 100 MB; ten times that is not it. */
    private static final long MAX_BYTES = 1024L * 1024 * 1024;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        return List.of(new Download("debian.tracker", URL, FILE, Download.Unpack.NONE, Optional.empty()));
    }

    @Override
    public boolean present(Path root) {
        return DataRoot.holds(root, data -> data.regularFile(FILE).isPresent());
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> file = Unread.regularFileOrReport(data, FILE, sink);
        if (file.isEmpty()) {
            return;
        }
        String relative = data.relative(file.get());
        sink.dataDate(Files.getLastModifiedTime(file.get(), LinkOption.NOFOLLOW_LINKS).toInstant());
        FeedJson json = new FeedJson();
        TrackerDocumentMapper mapper = new TrackerDocumentMapper(relative, sink);
        try (InputStream in = data.open(file.get(), MAX_BYTES);
             JsonParser parser = json.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                sink.skipped(relative, "not a JSON object keyed by source package");
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String sourcePackage = parser.currentName();
                parser.nextToken();
                JsonNode issues = json.mapper().readTree(parser);
                mapper.sourcePackage(sourcePackage, issues);
            }
        } catch (JsonProcessingException e) {
            sink.skipped(relative, "JSON broken, the rest of the document is not read: " + e.getOriginalMessage()
                    + " at " + e.getLocation());
        } finally {
            mapper.reportUnknownReleases();
        }
    }
}
