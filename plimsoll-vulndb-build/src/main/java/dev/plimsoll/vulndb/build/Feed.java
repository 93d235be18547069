package dev.plimsoll.vulndb.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One vulnerability feed: where to download it and how to parse it. Feeds read a directory laid out like
 * ../shared/vulndata (the downloader lays downloads out the same way), so {@code db build --from DIR} and
 * {@code db update} share the parsers. A new feed is one class and one line in {@link Feeds#standard()}.
 */
public interface Feed {

    /** Stable id: "osv", "ghsa", "debian-tracker", "debian-dsa", "alpine", "rubysec", "php", "nodejs", "kev", "epss", "nvd". */
    String id();

    /** The files to download, each with its default public URL and its place under the data root. */
    List<Download> downloads();

    /** For a feed whose source is a paged API rather than files (NVD): how the updater syncs it. */
    default Optional<FeedSync> sync() {
        return Optional.empty();
    }

    /** Whether the data root holds anything for this feed (a build from a partial directory skips the rest). */
    boolean present(Path root);

    /**
     * Parses this feed's part of {@code root}, handing each record to the sink. A malformed record is reported to
     * {@link FeedSink#skipped} and parsing goes on; only an unreadable root throws.
     */
    void parse(Path root, FeedSink sink) throws IOException;
}
