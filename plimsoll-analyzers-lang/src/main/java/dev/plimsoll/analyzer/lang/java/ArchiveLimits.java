package dev.plimsoll.analyzer.lang.java;

/**
 * Bounds for reading one archive file and everything nested in it. Archives are untrusted: a zip bomb (a small entry
 * inflating to gigabytes), an archive nested in itself, or millions of entries must cost bounded memory and time.
 * Reaching a bound is reported as a problem naming the archive, and the rest of the file is still read.
 *
 * @param maxDepth          how deep archives may nest (a jar in a war in an ear is depth 2)
 * @param maxEntries        central directory entries of the file and its nested archives together
 * @param maxMetadataBytes  inflated size of one MANIFEST.MF or pom.properties
 * @param maxNestedBytes    inflated size of one compressed nested archive (stored ones are read in place)
 * @param maxInflatedBytes  bytes inflated in all for one file, nested archives and metadata together
 */
record ArchiveLimits(int maxDepth, long maxEntries, int maxMetadataBytes, int maxNestedBytes,
                     long maxInflatedBytes) {
    ArchiveLimits {
        if (maxDepth < 0 || maxEntries <= 0 || maxMetadataBytes <= 0 || maxNestedBytes <= 0
                || maxInflatedBytes <= 0) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    /**
     * Far above real archives: Spring Boot and web applications nest two or three deep, the largest uber jars hold
     * a few hundred thousand entries and nested jars of a few hundred MiB.
     */
    static ArchiveLimits defaults() {
        return new ArchiveLimits(8, 2_000_000, 1 << 20, 512 << 20, 2L << 30);
    }
}
