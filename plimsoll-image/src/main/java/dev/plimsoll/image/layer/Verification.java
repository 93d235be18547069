package dev.plimsoll.image.layer;

import dev.plimsoll.core.error.ImageException;
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

    /** The failure of a layer whose bytes digest to {@code actual} instead of the expected digest. */
    public ImageException mismatch(String image, String layer, Digest actual) {
        String what = stage == Stage.STORED ? "blob " + expected : "layer tar (diff id " + expected + ")";
        return ImageException.inLayer(image, layer, null, what + " does not match its digest: got " + actual);
    }
}
