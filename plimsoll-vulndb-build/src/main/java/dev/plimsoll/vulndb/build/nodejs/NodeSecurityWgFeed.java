package dev.plimsoll.vulndb.build.nodejs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import dev.plimsoll.vulndb.build.layout.GitHubArchive;
import dev.plimsoll.vulndb.build.layout.GitHubArchiveFeed;
import dev.plimsoll.vulndb.build.layout.Unread;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Node.js security WG's vulnerability records ({@code nodejs-security-wg/npm/<n>.json} and {@code core/<n>.json},
 * the repository's {@code vuln/} folder), downloaded as the GitHub branch archive. {@code index.json} (all records
 * again in one file) is not read. {@code deps/} is not read either: its records state that Node.js is <em>not</em>
 * affected by CVEs of the libraries it bundles (V8, OpenSSL), with no versions, and no other feed attributes those
 * CVEs to Node.js. See {@link NodeRecord} for the mapping.
 */
public final class NodeSecurityWgFeed extends GitHubArchiveFeed {
    public static final String ID = "nodejs";
    static final GitHubArchive ARCHIVE =
            new GitHubArchive("nodejs", "security-wg", "main", "nodejs-security-wg", "vuln/");
    private static final Pattern RECORD = Pattern.compile("\\d+\\.json");
    /** Records are a few kB. */
    private static final long MAX_BYTES = 1024 * 1024;

    /** How one folder's records become advisories. */
    @FunctionalInterface
    private interface Mapping {
        Optional<Advisory> map(JsonNode record, String fileNumber, Consumer<String> problems);
    }

    public NodeSecurityWgFeed() {
        super(ID, ARCHIVE);
    }

    @Override
    protected void parseContent(DataRoot data, Path content, FeedSink sink) throws IOException {
        FeedJson json = new FeedJson();
        folder(data, json, content, "npm", NodeRecord::npm, sink);
        folder(data, json, content, "core", NodeRecord::core, sink);
    }

    private static void folder(DataRoot data, FeedJson json, Path content, String name, Mapping mapping,
                               FeedSink sink) throws IOException {
        Optional<Path> dir = Unread.directoryOrReport(data, data.relative(content.resolve(name)), sink);
        if (dir.isEmpty()) {
            return;
        }
        data.walk(dir.get(), file -> file.endsWith(".json") && !file.equals("index.json"), Map.of(),
                (file, relative) -> {
                    String fileName = file.getFileName().toString();
                    if (!file.getParent().equals(dir.get()) || !RECORD.matcher(fileName).matches()) {
                        sink.skipped(relative, "not at " + name + "/<number>.json: not read");
                        return;
                    }
                    String number = fileName.substring(0, fileName.length() - ".json".length());
                    data.readTree(file, relative, MAX_BYTES, json.mapper()::readTree, sink)
                            .flatMap(record -> mapping.map(record, number, problem -> sink.skipped(relative, problem)))
                            .ifPresent(advisory -> {
                                advisory.modified().or(advisory::published).ifPresent(sink::dataDate);
                                sink.advisory(advisory);
                            });
                }, sink);
    }
}
