package dev.plimsoll.core.fs;

import java.util.Objects;

/**
 * A kind of path an analyzer wants. Interests are data so the engine can index them once (hash sets for exact
 * paths, base names and suffixes; directory prefixes for globs) instead of asking every analyzer about every file.
 * Paths are absolute and normalised ("/var/lib/dpkg/status").
 */
public sealed interface PathInterest {

    /**
     * The interest as canonical text, part of the cache keys of layer analyses. Written out rather than taken from
     * a record's toString, whose format the JDK leaves unspecified and whose first call per class costs a fresh
     * JVM a method-handle bootstrap that the ahead-of-time cache does not keep.
     */
    String key();

    /** Exactly this path. */
    record Exact(String path) implements PathInterest {
        @Override
        public String key() {
            return "exact:" + path;
        }

        public Exact {
            requireAbsolute(path);
        }
    }

    /** Any file with this last segment, e.g. "pom.properties". */
    record Basename(String name) implements PathInterest {
        @Override
        public String key() {
            return "name:" + name;
        }

        public Basename {
            Objects.requireNonNull(name);
            if (name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("basename must be one path segment: " + name);
            }
        }
    }

    /**
     * Any file whose last segment matches this one-segment pattern ignoring case (ASCII and Unicode lower case), with
     * {@code *} matching any run of characters: "dockerfile", "dockerfile.*", "*.dockerfile" match "Dockerfile",
     * "DockerFile.prod", "api.Dockerfile". For names that tools accept in any case.
     */
    record NameIgnoringCase(String pattern) implements PathInterest {
        @Override
        public String key() {
            return "name-ignoring-case:" + pattern;
        }

        public NameIgnoringCase {
            Objects.requireNonNull(pattern);
            if (pattern.isEmpty() || pattern.contains("/") || pattern.equals("*")) {
                throw new IllegalArgumentException("name pattern must be one segment, not only '*': " + pattern);
            }
            pattern = pattern.toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether a base name matches; {@code lowerName} is the name lower-cased with {@code Locale.ROOT}. */
        public boolean matchesLowerCase(String lowerName) {
            return wildcard(pattern, 0, lowerName, 0);
        }

        private static boolean wildcard(String p, int pi, String s, int si) {
            while (pi < p.length()) {
                char c = p.charAt(pi);
                if (c == '*') {
                    for (int k = si; k <= s.length(); k++) {
                        if (wildcard(p, pi + 1, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (si >= s.length() || s.charAt(si) != c) {
                    return false;
                }
                pi++;
                si++;
            }
            return si == s.length();
        }
    }

    /** Any file whose path ends with this suffix, e.g. ".jar". */
    record Suffix(String suffix) implements PathInterest {
        @Override
        public String key() {
            return "suffix:" + suffix;
        }

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
        @Override
        public String key() {
            return "glob:" + pattern;
        }

        public Glob {
            requireAbsolute(pattern);
        }
    }

    /** Any file with one of these mode bits set (e.g. setuid|setgid); usually metadata only. */
    record ModeBits(int mask) implements PathInterest {
        @Override
        public String key() {
            return "mode:" + Integer.toOctalString(mask);
        }

        public ModeBits {
            if (mask == 0 || (mask & ~07777) != 0) {
                throw new IllegalArgumentException("mode mask must be within 07777: " + Integer.toOctalString(mask));
            }
        }
    }

    /** Every regular file (secret scanners). */
    record AnyFile() implements PathInterest {
        @Override
        public String key() {
            return "any-file";
        }

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

    static NameIgnoringCase nameIgnoringCase(String pattern) {
        return new NameIgnoringCase(pattern);
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
