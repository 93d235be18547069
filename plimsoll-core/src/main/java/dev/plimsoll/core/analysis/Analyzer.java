package dev.plimsoll.core.analysis;

import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.Interests;
import java.io.IOException;

/**
 * Reads some files of an image or tree and reports packages, the OS, findings and problems. The analyzer itself is
 * stateless and thread-safe; per-scan state lives in its {@link Session}. The engine reads each layer once and
 * hands every file that matches {@link #interests()} to the session, in no guaranteed order (a session that needs
 * several files, such as dpkg's status and info/*.list, collects them and decides in {@link Session#finish()}).
 */
public interface Analyzer {
    AnalyzerId id();

    /** Bumped whenever the analyzer's output for the same input changes; part of cache keys. */
    int version();

    Interests interests();

    Session open(ScanContext context);

    /** Per-scan state. Calls come from one thread at a time. */
    interface Session {
        /**
         * One matching file. Per-file trouble (unparsable content) is recorded and reported from finish(); an
         * IOException means the content could not be read at all.
         */
        void accept(FileEntry file) throws IOException;

        AnalyzerOutput finish();
    }
}
