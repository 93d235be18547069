package dev.plimsoll.vulndb.build.rubysec;

import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.layout.GitHubArchive;
import dev.plimsoll.vulndb.build.layout.GitHubArchiveFeed;
import dev.plimsoll.vulndb.build.layout.Unread;
import dev.plimsoll.vulndb.build.yaml.FeedYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RubySec's ruby-advisory-db ({@code ruby-advisory-db/gems/<gem>/<id>.yml} and {@code rubies/<engine>/<id>.yml}),
 * downloaded as the GitHub branch archive. One advisory per file; see {@link RubySecRecord} for the mapping.
 */
public final class RubySecFeed extends GitHubArchiveFeed {
    public static final String ID = "rubysec";
    static final GitHubArchive ARCHIVE =
            new GitHubArchive("rubysec", "ruby-advisory-db", "master", "ruby-advisory-db", "");
    /** Records are a few kB; a long description stays far below this. */
    private static final int MAX_BYTES = 1024 * 1024;
    private static final Map<String, RubySecRecord.Kind> FOLDERS =
            Map.of("gems", RubySecRecord.Kind.GEM, "rubies", RubySecRecord.Kind.INTERPRETER);

    public RubySecFeed() {
        super(ID, ARCHIVE);
    }

    @Override
    protected void parseContent(DataRoot data, Path content, FeedSink sink) throws IOException {
        FeedYaml yaml = new FeedYaml(MAX_BYTES);
        for (String folder : List.of("gems", "rubies")) {
            Optional<Path> dir = Unread.directoryOrReport(data, data.relative(content.resolve(folder)), sink);
            if (dir.isEmpty()) {
                continue;
            }
            data.walk(dir.get(), name -> name.endsWith(".yml") || name.endsWith(".yaml"), Map.of(),
                    (file, relative) -> {
                        if (!file.getParent().getParent().equals(dir.get())) {
                            sink.skipped(relative, "not at " + folder + "/<name>/<id>.yml: not read");
                            return;
                        }
                        read(data, yaml, file, relative, FOLDERS.get(folder), sink);
                    }, sink);
        }
    }

    private static void read(DataRoot data, FeedYaml yaml, Path file, String relative, RubySecRecord.Kind kind,
                             FeedSink sink) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        data.readTree(file, relative, MAX_BYTES, yaml::read, sink)
                .flatMap(record -> RubySecRecord.map(record, id, kind, problem -> sink.skipped(relative, problem)))
                .ifPresent(advisory -> {
                    advisory.published().ifPresent(sink::dataDate);
                    sink.advisory(advisory);
                });
    }
}
