package dev.plimsoll.vulndb.build.rubysec;

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
 * RubySec's ruby-advisory-db ({@code ruby-advisory-db/gems/<gem>/<id>.yml} and {@code rubies/<engine>/<id>.yml}),
 * downloaded as the GitHub branch archive. One advisory per file; see {@link RubySecRecord} for the mapping.
 */
public final class RubySecFeed implements Feed {
    public static final String ID = "rubysec";
    static final GitHubArchive ARCHIVE =
            new GitHubArchive("rubysec", "ruby-advisory-db", "master", "ruby-advisory-db", "");
    /** Records are a few kB; a long description stays far below this. */
    private static final int MAX_BYTES = 1024 * 1024;
    private static final Map<String, RubySecRecord.Kind> FOLDERS =
            Map.of("gems", RubySecRecord.Kind.GEM, "rubies", RubySecRecord.Kind.INTERPRETER);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        return List.of(ARCHIVE.download("rubysec.archive"));
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
        FeedYaml yaml = new FeedYaml(MAX_BYTES);
        for (String folder : List.of("gems", "rubies")) {
            String folderPath = data.relative(content.get().resolve(folder));
            Optional<Path> dir = data.directory(folderPath);
            if (dir.isEmpty()) {
                Unread.report(data, folderPath, sink);
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
        JsonNode record;
        try {
            record = yaml.read(data.read(file, MAX_BYTES));
        } catch (IOException e) {
            sink.skipped(relative, "not read: " + e.getMessage());
            return;
        }
        String name = file.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        RubySecRecord.map(record, id, kind, problem -> sink.skipped(relative, problem)).ifPresent(advisory -> {
            advisory.published().ifPresent(sink::dataDate);
            sink.advisory(advisory);
        });
    }
}
