package dev.plimsoll.fs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The captured bytes of one layer entry: nothing, a heap array, or a private spill file. */
sealed interface Content {
    InputStream open() throws IOException;

    long length();

    /** Metadata-only deliveries and non-regular files. */
    record None() implements Content {
        @Override
        public InputStream open() {
            return InputStream.nullInputStream();
        }

        @Override
        public long length() {
            return 0;
        }
    }

    /** Content small enough to keep on the heap; the array is never handed out, so it cannot be changed. */
    record InMemory(byte[] bytes) implements Content {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long length() {
            return bytes.length;
        }
    }

    /** Content written to a file in the walk's spill directory; valid until the view is closed. */
    record Spilled(Path file, long length) implements Content {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
