package dev.plimsoll.core.image;

import java.util.Objects;
import java.util.Optional;

/**
 * One layer of an image, bottom layer first (index 0).
 *
 * @param index     position, 0 = base layer
 * @param digest    digest of the blob as stored (the manifest's layer digest); empty for a root filesystem dir
 * @param diffId    digest of the uncompressed tar (the config's rootfs.diff_ids entry), when known
 * @param size      size of the stored blob in bytes (0 when unknown)
 * @param mediaType media type the manifest gives, when known
 * @param createdBy the history entry that made this layer, when known
 */
public record LayerRef(int index, Optional<Digest> digest, Optional<Digest> diffId, long size,
                       Optional<String> mediaType, Optional<String> createdBy) {
    public LayerRef {
        if (index < 0) {
            throw new IllegalArgumentException("negative layer index");
        }
        Objects.requireNonNull(digest);
        Objects.requireNonNull(diffId);
        Objects.requireNonNull(mediaType);
        Objects.requireNonNull(createdBy);
    }

    /** The identity reports show: the diff id when known (what `docker inspect` lists), else the blob digest. */
    public String id() {
        return diffId.or(() -> digest).map(Digest::toString).orElse("layer-" + index);
    }
}
