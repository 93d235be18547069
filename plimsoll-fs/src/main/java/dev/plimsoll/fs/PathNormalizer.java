package dev.plimsoll.fs;

/**
 * Turns a name as a layer (or a caller) writes it into the absolute path the view stores: "./etc//passwd" becomes
 * "/etc/passwd", "a/../b" becomes "/b", and "", "." and "/" become "/". Names that climb out of the root are refused
 * rather than clamped, because a layer that tries it is hostile and its entry must not land on a real path.
 */
final class PathNormalizer {
    private PathNormalizer() {
    }

    /** Why a name was refused; thrown without a stack trace since refusing hostile names is routine. */
    static final class UnsafePathException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsafePathException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Normalises an entry name.
     *
     * @param clampAtRoot true: ".." at the root stays at the root (how a chrooted process sees it, used to resolve
     *                    symlink targets and queries); false: ".." at the root is refused (entry names)
     */
    static String normalize(String raw, int maxLength, int maxDepth, boolean clampAtRoot) throws UnsafePathException {
        int n = raw.length();
        // Cheap bound before any work: a megabyte name cannot normalise to something sane often enough to matter.
        if (n > 2L * maxLength + 16) {
            throw new UnsafePathException("name of " + n + " characters exceeds the path length bound " + maxLength);
        }
        StringBuilder sb = new StringBuilder(n + 1);
        int depth = 0;
        int i = 0;
        while (i <= n) {
            int j = raw.indexOf('/', i);
            if (j < 0) {
                j = n;
            }
            int len = j - i;
            if (len == 0 || (len == 1 && raw.charAt(i) == '.')) {
                // empty and "." segments name the directory itself
            } else if (len == 2 && raw.charAt(i) == '.' && raw.charAt(i + 1) == '.') {
                if (depth == 0) {
                    if (!clampAtRoot) {
                        throw new UnsafePathException("name climbs out of the image root");
                    }
                } else {
                    sb.setLength(sb.lastIndexOf("/"));
                    depth--;
                }
            } else {
                sb.append('/').append(raw, i, j);
                depth++;
            }
            i = j + 1;
        }
        if (depth > maxDepth) {
            throw new UnsafePathException("path depth " + depth + " exceeds the bound " + maxDepth);
        }
        if (sb.length() > maxLength) {
            throw new UnsafePathException("path of " + sb.length() + " characters exceeds the bound " + maxLength);
        }
        return depth == 0 ? "/" : sb.toString();
    }

    /** The parent of a normalised path; null for the root. */
    static String parent(String path) {
        if (path.length() == 1) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** A child path of a normalised directory path. */
    static String child(String dir, String name) {
        return dir.length() == 1 ? "/" + name : dir + "/" + name;
    }
}
