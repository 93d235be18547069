package dev.plimsoll.core.fs;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file handed to an analyzer: its metadata and its bytes. {@link #open()} may be called more than once; the
 * content is bounded by the analyzer's {@link Interests#maxBytes()} and is empty for metadata-only interests and
 * non-regular files.
 */
public interface FileEntry {
    FileMeta meta();

    InputStream open() throws IOException;

    /** All content bytes; only for files whose size the analyzer bounded through its interests. */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** Whether the bytes were delivered (false for metadata-only interests and non-regular files). */
    boolean hasContent();
}
