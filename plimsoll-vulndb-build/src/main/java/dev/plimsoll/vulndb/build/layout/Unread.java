package dev.plimsoll.vulndb.build.layout;

import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Reports a feed path that exists but is not read: {@link DataRoot} answers "absent" for a symbolic link or a file
 * where a directory belongs (and the reverse), and a feed must not pass over such a path in silence.
 */
public final class Unread {
    private Unread() {
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
