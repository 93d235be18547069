package dev.plimsoll.check.secrets;

/**
 * When to skip and how to stream.
 *
 * @param maxBytes         files above this are skipped as TOO_LARGE (a database dump, a disk image)
 * @param minifiedMinBytes minified or generated files are skipped only above this size: a small bundle is cheap and
 *                         may embed a key, a 5 MB one is a vendored build output
 * @param chunkBytes       streamed inputs are scanned in chunks of this size…
 * @param overlapBytes     …overlapping by this much, the longest match found across a boundary (once)
 */
public record ScanLimits(long maxBytes, long minifiedMinBytes, int chunkBytes, int overlapBytes) {
    public static final ScanLimits DEFAULTS = new ScanLimits(512L << 20, 1L << 20, 4 << 20, 64 << 10);

    public ScanLimits {
        if (overlapBytes <= 0 || chunkBytes <= 2 * overlapBytes) {
            throw new IllegalArgumentException("chunkBytes must exceed twice overlapBytes (> 0)");
        }
    }
}
