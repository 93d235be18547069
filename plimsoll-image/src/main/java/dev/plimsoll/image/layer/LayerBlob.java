package dev.plimsoll.image.layer;

import dev.plimsoll.image.blob.BlobSource;
import java.util.Objects;

/** Where a layer's bytes are and how they are verified. */
public record LayerBlob(BlobSource source, Verification verification) {
    public LayerBlob {
        Objects.requireNonNull(source);
        Objects.requireNonNull(verification);
    }
}
