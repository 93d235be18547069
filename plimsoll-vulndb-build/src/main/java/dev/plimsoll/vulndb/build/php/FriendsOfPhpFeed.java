package dev.plimsoll.vulndb.build.php;

import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.layout.GitHubArchive;
import dev.plimsoll.vulndb.build.layout.GitHubArchiveFeed;
import dev.plimsoll.vulndb.build.yaml.FeedYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * FriendsOfPHP security advisories ({@code php-security-advisories/<vendor>/<package>/<date>.yaml}), downloaded as
 * the GitHub branch archive. One advisory per file; see {@link FriendsOfPhpRecord} for the mapping.
 */
public final class FriendsOfPhpFeed extends GitHubArchiveFeed {
    public static final String ID = "php";
    static final GitHubArchive ARCHIVE = new GitHubArchive("FriendsOfPHP", "security-advisories", "master",
            "php-security-advisories", "");
    /** Records are a few kB. */
    private static final int MAX_BYTES = 1024 * 1024;

    public FriendsOfPhpFeed() {
        super(ID, ARCHIVE);
    }

    @Override
    protected void parseContent(DataRoot data, Path base, FeedSink sink) throws IOException {
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
            String name = inFeed.toString().replace(file.getFileSystem().getSeparator(), "/");
            String fallbackId = "friendsofphp/" + name.substring(0, name.length() - ".yaml".length());
            data.readTree(file, relative, MAX_BYTES, yaml::read, sink)
                    .flatMap(record -> FriendsOfPhpRecord.map(record, fallbackId,
                            problem -> sink.skipped(relative, problem)))
                    .ifPresent(advisory -> {
                        advisory.modified().ifPresent(sink::dataDate);
                        sink.advisory(advisory);
                    });
        }, sink);
    }
}
