package dev.plimsoll.image.oci;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.archive.ArchiveEntries;
import dev.plimsoll.image.blob.BlobSource;
import java.util.Optional;

/** An OCI image layout inside a tar (oci-archive). */
public record ArchivedLayout(String describe, ArchiveEntries entries) implements BlobStore {
    @Override
    public Optional<BlobSource> file(String name) {
        return entries.find(name);
    }

    @Override
    public Optional<BlobSource> blob(Digest digest) {
        return entries.find(BlobStore.blobPath(digest));
    }
}
