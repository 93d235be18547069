package dev.plimsoll.image.layer;

import dev.plimsoll.core.image.Digest;
import java.util.Objects;

/**
 * Which digest a layer's bytes must match, and at which stage: the stored blob (OCI layouts name blobs by the
 * digest of the stored, possibly compressed, bytes) or the uncompressed tar (classic docker-archive names layers
 * by path, so only the config's diff id vouches for them).
 */
public record Verification(Digest expected, Stage stage) {
    public enum Stage { STORED, UNCOMPRESSED }

    public Verification {
        Objects.requireNonNull(expected);
        Objects.requireNonNull(stage);
    }

    public static Verification stored(Digest d) {
        return new Verification(d, Stage.STORED);
    }

    public static Verification uncompressed(Digest d) {
        return new Verification(d, Stage.UNCOMPRESSED);
    }
}
