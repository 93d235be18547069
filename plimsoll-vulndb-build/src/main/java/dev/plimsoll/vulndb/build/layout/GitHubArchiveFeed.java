package dev.plimsoll.vulndb.build.layout;

import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feed downloaded as one {@link GitHubArchive}: its download, its presence and where parsing starts follow from the
 * archive, so a subclass only reads the archive's content folder.
 */
public abstract class GitHubArchiveFeed implements Feed {
    private final String id;
    private final GitHubArchive archive;

    protected GitHubArchiveFeed(String id, GitHubArchive archive) {
        this.id = Objects.requireNonNull(id);
        this.archive = Objects.requireNonNull(archive);
    }

    @Override
    public final String id() {
        return id;
    }

    /** The branch archive, keyed "{@code <id>.archive}". */
    @Override
    public final List<Download> downloads() {
        return List.of(archive.download(id + ".archive"));
    }

    @Override
    public final boolean present(Path root) {
        return DataRoot.holds(root, data -> archive.content(data).isPresent());
    }

    /** Hands the archive's content folder to {@link #parseContent}; a path there that is not read is reported. */
    @Override
    public final void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> content = Unread.reportIfEmpty(archive.content(data), data, archive.target(), sink);
        if (content.isPresent()) {
            parseContent(data, content.get(), sink);
        }
    }

    /** Reads the records under {@code content}, the folder {@link GitHubArchive#content} found. */
    protected abstract void parseContent(DataRoot data, Path content, FeedSink sink) throws IOException;
}
