package dev.plimsoll.core.fs;

import java.util.Objects;

/**
 * A kind of path an analyzer wants. Interests are data so the engine can index them once (hash sets for exact
 * paths, base names and suffixes; directory prefixes for globs) instead of asking every analyzer about every file.
 * Paths are absolute and normalised ("/var/lib/dpkg/status").
 */
public sealed interface PathInterest {

    /** Exactly this path. */
    record Exact(String path) implements PathInterest {
        public Exact {
            requireAbsolute(path);
        }
    }

    /** Any file with this last segment, e.g. "pom.properties". */
    record Basename(String name) implements PathInterest {
        public Basename {
            Objects.requireNonNull(name);
            if (name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("basename must be one path segment: " + name);
            }
        }
    }

    /** Any file whose path ends with this suffix, e.g. ".jar". */
    record Suffix(String suffix) implements PathInterest {
        public Suffix {
            Objects.requireNonNull(suffix);
            if (suffix.isEmpty()) {
                throw new IllegalArgumentException("empty suffix");
            }
        }
    }

    /**
     * A glob over the absolute path: {@code *} matches within one segment, {@code **} across segments,
     * {@code ?} one character. E.g. "/var/lib/dpkg/status.d/*", "/usr/lib/** /site-packages/*.dist-info/METADATA".
     */
    record Glob(String pattern) implements PathInterest {
        public Glob {
            requireAbsolute(pattern);
        }
    }

    /** Any file with one of these mode bits set (e.g. setuid|setgid); usually metadata only. */
    record ModeBits(int mask) implements PathInterest {
        public ModeBits {
            if (mask == 0 || (mask & ~07777) != 0) {
                throw new IllegalArgumentException("mode mask must be within 07777: " + Integer.toOctalString(mask));
            }
        }
    }

    /** Every regular file (secret scanners). */
    record AnyFile() implements PathInterest {
    }

    static Exact exact(String path) {
        return new Exact(path);
    }

    static Basename basename(String name) {
        return new Basename(name);
    }

    static Suffix suffix(String suffix) {
        return new Suffix(suffix);
    }

    static Glob glob(String pattern) {
        return new Glob(pattern);
    }

    static ModeBits modeBits(int mask) {
        return new ModeBits(mask);
    }

    private static void requireAbsolute(String path) {
        Objects.requireNonNull(path);
        if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..") || path.contains("//")) {
            throw new IllegalArgumentException("interest path must be absolute and normalised: " + path);
        }
    }
}
