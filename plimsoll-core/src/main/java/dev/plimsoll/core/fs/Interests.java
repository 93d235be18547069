package dev.plimsoll.core.fs;

import java.util.List;
import java.util.Objects;

/**
 * Everything an analyzer wants from the filesystem walk.
 *
 * @param paths           the paths it wants
 * @param includeDeleted  also deliver files that a higher layer shadowed or deleted (flagged in their
 *                        {@link FileMeta#visibility()}), e.g. secrets shipped in lower layers or older copies of a
 *                        package database
 * @param maxBytes        content bound: files larger than this are not delivered and are recorded as a scan
 *                        problem; 0 means metadata only
 */
public record Interests(List<PathInterest> paths, boolean includeDeleted, long maxBytes) {
    /** Default content bound: package databases are a few MiB; rpm's can reach a few hundred. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    public Interests {
        paths = List.copyOf(Objects.requireNonNull(paths));
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative maxBytes");
        }
    }

    public static Interests of(PathInterest... paths) {
        return new Interests(List.of(paths), false, DEFAULT_MAX_BYTES);
    }

    public Interests withDeleted() {
        return new Interests(paths, true, maxBytes);
    }

    public Interests withMaxBytes(long bytes) {
        return new Interests(paths, includeDeleted, bytes);
    }

    public boolean metadataOnly() {
        return maxBytes == 0;
    }

    /** Canonical text for cache keys (see {@link PathInterest#key()}). */
    public String key() {
        StringBuilder sb = new StringBuilder();
        for (PathInterest p : paths) {
            sb.append(p.key()).append('\n');
        }
        return sb.append("deleted:").append(includeDeleted).append("\nmax-bytes:").append(maxBytes).toString();
    }
}
