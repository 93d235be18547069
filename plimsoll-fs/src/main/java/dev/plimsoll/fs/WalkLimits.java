package dev.plimsoll.fs;

/**
 * Bounds for hostile input. A layer is untrusted data: these bounds keep a crafted layer from exhausting memory,
 * disk or time while the view is built.
 *
 * @param maxEntriesPerLayer   entries one layer may hold (whiteouts included); more stops the walk with an
 *                             {@link dev.plimsoll.core.error.ImageException}, because a view without the rest would be
 *                             silently incomplete
 * @param maxTotalEntries      entries all layers together may hold; same consequence
 * @param maxPathDepth         segments a normalised path may have; deeper entries are skipped as unsafe
 * @param maxPathLength        characters a normalised path (or a symlink target) may have; longer entries are skipped
 *                             as unsafe (Linux's PATH_MAX is 4096)
 * @param maxSymlinkHops       links {@link SquashedView#resolve(String)} follows before it gives up (Linux: 40)
 * @param inMemoryContentBytes wanted content up to this size stays on the heap; larger content is spilled to a
 *                             private temporary file
 */
public record WalkLimits(long maxEntriesPerLayer, long maxTotalEntries, int maxPathDepth, int maxPathLength,
                         int maxSymlinkHops, long inMemoryContentBytes) {
    public WalkLimits {
        if (maxEntriesPerLayer <= 0 || maxTotalEntries <= 0 || maxPathDepth <= 0 || maxPathLength <= 0
                || maxSymlinkHops < 0 || inMemoryContentBytes < 0) {
            throw new IllegalArgumentException("walk limits must be positive: " + maxEntriesPerLayer + ", "
                    + maxTotalEntries + ", " + maxPathDepth + ", " + maxPathLength + ", " + maxSymlinkHops + ", "
                    + inMemoryContentBytes);
        }
    }

    /** Bounds far above real images (the largest seen hold a few hundred thousand entries) yet safe for a laptop. */
    public static WalkLimits defaults() {
        return new WalkLimits(2_000_000, 10_000_000, 256, 4096, 40, 16L * 1024 * 1024);
    }

    /**
     * Canonical text for cache keys: written out, since a record's toString format is unspecified and its first call
     * costs a fresh JVM a method-handle bootstrap.
     */
    public String key() {
        return "entries-per-layer:" + maxEntriesPerLayer + " entries:" + maxTotalEntries + " depth:" + maxPathDepth
                + " length:" + maxPathLength + " symlink-hops:" + maxSymlinkHops + " in-memory:" + inMemoryContentBytes;
    }

    public WalkLimits withInMemoryContentBytes(long bytes) {
        return new WalkLimits(maxEntriesPerLayer, maxTotalEntries, maxPathDepth, maxPathLength, maxSymlinkHops, bytes);
    }

    public WalkLimits withEntries(long perLayer, long total) {
        return new WalkLimits(perLayer, total, maxPathDepth, maxPathLength, maxSymlinkHops, inMemoryContentBytes);
    }

    public WalkLimits withPaths(int depth, int length) {
        return new WalkLimits(maxEntriesPerLayer, maxTotalEntries, depth, length, maxSymlinkHops, inMemoryContentBytes);
    }
}
