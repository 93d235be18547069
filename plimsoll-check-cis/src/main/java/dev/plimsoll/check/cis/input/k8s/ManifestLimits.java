package dev.plimsoll.check.cis.input.k8s;

/**
 * Bounds on what one manifest read may cost, so a hostile file (an alias bomb, a gigabyte of YAML, a thousand levels
 * of nesting) fails with a clear problem instead of exhausting memory or time.
 *
 * @param maxFileBytes        a manifest file larger than this is not read
 * @param maxDocumentChars    one YAML document (between {@code ---} lines) longer than this is not parsed
 * @param maxDepth            nesting of mappings and sequences, counted after aliases are expanded
 * @param maxNodes            values in one document after aliases are expanded (the alias bomb bound)
 * @param maxAliases          aliases of collections in one document (SnakeYAML's own bound, checked first)
 * @param maxFiles            manifest files read from one directory tree
 * @param maxDirectoryDepth   directory levels below the root of a walk
 */
public record ManifestLimits(long maxFileBytes, int maxDocumentChars, int maxDepth, int maxNodes, int maxAliases,
                             int maxFiles, int maxDirectoryDepth) {
    /**
     * Generous for real manifests (a large Helm-rendered List is a few MiB and nests about 20 deep) and small
     * enough that a file at every bound is read in well under a second.
     */
    public static final ManifestLimits DEFAULT =
            new ManifestLimits(64L << 20, 16 << 20, 64, 2_000_000, 200, 20_000, 32);

    public ManifestLimits {
        if (maxFileBytes <= 0 || maxDocumentChars <= 0 || maxDepth <= 0 || maxNodes <= 0 || maxAliases < 0
                || maxFiles <= 0 || maxDirectoryDepth < 0) {
            throw new IllegalArgumentException("manifest limits must be positive");
        }
    }
}
