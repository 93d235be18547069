package dev.plimsoll.image;

/**
 * Bounds that keep a hostile image from exhausting memory, disk or time.
 *
 * @param maxLayerBytes    decompressed size of one layer tar
 * @param maxDocumentBytes size of one JSON document (index, manifest, config, manifest.json)
 * @param maxIndexDepth    how deep image indexes may nest below index.json
 * @param maxArchiveBytes  decompressed size of a gzip/zstd-compressed outer archive
 * @param maxLayerEntries  entries one layer tar may hold; the file system walk has its own bound, this one keeps a
 *                         layer reader bounded whoever consumes it
 */
public record ImageLimits(long maxLayerBytes, long maxDocumentBytes, int maxIndexDepth, long maxArchiveBytes,
                          long maxLayerEntries) {
    public static final long GIB = 1L << 30;
    public static final long MIB = 1L << 20;
    public static final ImageLimits DEFAULTS = new ImageLimits(16 * GIB, 4 * MIB, 4, 64 * GIB, 2_000_000);

    public ImageLimits {
        if (maxLayerBytes <= 0 || maxDocumentBytes <= 0 || maxIndexDepth < 0 || maxArchiveBytes <= 0
                || maxLayerEntries <= 0) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }

    public ImageLimits withMaxLayerBytes(long bytes) {
        return new ImageLimits(bytes, maxDocumentBytes, maxIndexDepth, maxArchiveBytes, maxLayerEntries);
    }

    public ImageLimits withMaxDocumentBytes(long bytes) {
        return new ImageLimits(maxLayerBytes, bytes, maxIndexDepth, maxArchiveBytes, maxLayerEntries);
    }

    public ImageLimits withMaxIndexDepth(int depth) {
        return new ImageLimits(maxLayerBytes, maxDocumentBytes, depth, maxArchiveBytes, maxLayerEntries);
    }

    public ImageLimits withMaxArchiveBytes(long bytes) {
        return new ImageLimits(maxLayerBytes, maxDocumentBytes, maxIndexDepth, bytes, maxLayerEntries);
    }

    public ImageLimits withMaxLayerEntries(long entries) {
        return new ImageLimits(maxLayerBytes, maxDocumentBytes, maxIndexDepth, maxArchiveBytes, entries);
    }
}
