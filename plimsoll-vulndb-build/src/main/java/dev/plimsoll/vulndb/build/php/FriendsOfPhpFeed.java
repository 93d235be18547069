package dev.plimsoll.vulndb.build.php;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.layout.GitHubArchive;
import dev.plimsoll.vulndb.build.layout.Unread;
import dev.plimsoll.vulndb.build.yaml.FeedYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FriendsOfPHP security advisories ({@code php-security-advisories/<vendor>/<package>/<date>.yaml}), downloaded as
 * the GitHub branch archive. One advisory per file; see {@link FriendsOfPhpRecord} for the mapping.
 */
public final class FriendsOfPhpFeed implements Feed {
    public static final String ID = "php";
    static final GitHubArchive ARCHIVE = new GitHubArchive("FriendsOfPHP", "security-advisories", "master",
            "php-security-advisories", "");
    /** Records are a few kB. */
    private static final int MAX_BYTES = 1024 * 1024;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        return List.of(ARCHIVE.download("php.archive"));
    }

    @Override
    public boolean present(Path root) {
        try {
            return ARCHIVE.content(new DataRoot(root)).isPresent();
        } catch (IOException e) {
            // An unreadable root holds nothing this feed can read; parse() reports why.
            return false;
        }
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> content = ARCHIVE.content(data);
        if (content.isEmpty()) {
            Unread.report(data, ARCHIVE.target(), sink);
            return;
        }
        Path base = content.get();
        FeedYaml yaml = new FeedYaml(MAX_BYTES);
        data.walk(base, name -> name.endsWith(".yaml"), Map.of(), (file, relative) -> {
            Path inFeed = base.relativize(file);
            // Advisories sit exactly at vendor/package/file; hidden folders (.github) hold the repository's tooling.
            if (inFeed.getName(0).toString().startsWith(".")) {
                return;
            }
            if (inFeed.getNameCount() != 3) {
                sink.skipped(relative, "not at <vendor>/<package>/<file>.yaml: not read");
                return;
            }
            JsonNode record;
            try {
                record = yaml.read(data.read(file, MAX_BYTES));
            } catch (IOException e) {
                sink.skipped(relative, "not read: " + e.getMessage());
                return;
            }
            String name = inFeed.toString().replace(file.getFileSystem().getSeparator(), "/");
            String fallbackId = "friendsofphp/" + name.substring(0, name.length() - ".yaml".length());
            FriendsOfPhpRecord.map(record, fallbackId, problem -> sink.skipped(relative, problem))
                    .ifPresent(advisory -> {
                        advisory.modified().ifPresent(sink::dataDate);
                        sink.advisory(advisory);
                    });
        }, sink);
    }
}
