package dev.plimsoll.vulndb.build.layout;

import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reports a feed path that exists but is not read: {@link DataRoot} answers "absent" for a symbolic link or a file
 * where a directory belongs (and the reverse), and a feed must not pass over such a path in silence.
 */
public final class Unread {
    private Unread() {
    }

    /** {@link DataRoot#directory(String)}, reporting a path that exists but is not read there. */
    public static Optional<Path> directoryOrReport(DataRoot data, String relative, FeedSink sink)
            throws IOException {
        return reportIfEmpty(data.directory(relative), data, relative, sink);
    }

    /** {@link DataRoot#regularFile(String)}, reporting a path that exists but is not read there. */
    public static Optional<Path> regularFileOrReport(DataRoot data, String relative, FeedSink sink)
            throws IOException {
        return reportIfEmpty(data.regularFile(relative), data, relative, sink);
    }

    /** {@code found}, the answer of a {@link DataRoot} lookup of {@code relative}; reported when empty. */
    public static Optional<Path> reportIfEmpty(Optional<Path> found, DataRoot data, String relative, FeedSink sink) {
        if (found.isEmpty()) {
            report(data, relative, sink);
        }
        return found;
    }

    /** Call when {@code data.regularFile(relative)} or {@code data.directory(relative)} came back empty. */
    public static void report(DataRoot data, String relative, FeedSink sink) {
        Path path = data.path().resolve(relative).normalize();
        if (!path.startsWith(data.path())) {
            sink.skipped(relative, "outside the data root: not read");
        } else if (Files.isSymbolicLink(path)) {
            sink.skipped(relative, "symbolic link: not followed");
        } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            sink.skipped(relative, "not the kind of file this feed reads here: not read");
        }
    }
}
