package dev.plimsoll.fs;

import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** The {@link FileEntry} the walk hands to sinks: metadata plus re-openable captured content. */
record CapturedFile(FileMeta meta, Content content) implements FileEntry {
    CapturedFile {
        Objects.requireNonNull(meta);
        Objects.requireNonNull(content);
    }

    static CapturedFile metadataOnly(FileMeta meta) {
        return new CapturedFile(meta, new Content.None());
    }

    @Override
    public InputStream open() throws IOException {
        return content.open();
    }

    @Override
    public boolean hasContent() {
        return !(content instanceof Content.None);
    }

    @Override
    public String toString() {
        return "CapturedFile[" + meta.path() + ", " + meta.visibility() + ", " + content.length() + " bytes]";
    }
}
