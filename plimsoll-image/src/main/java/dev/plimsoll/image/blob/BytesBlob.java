package dev.plimsoll.image.blob;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/** A small blob already in memory (e.g. read during the single pass over a compressed archive). */
public record BytesBlob(String name, byte[] bytes) implements BlobSource {
    public BytesBlob {
        Objects.requireNonNull(name);
        Objects.requireNonNull(bytes);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }
}
