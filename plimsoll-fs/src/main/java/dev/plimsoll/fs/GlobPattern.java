package dev.plimsoll.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@link dev.plimsoll.core.fs.PathInterest.Glob}: "*" matches within one segment, "?" one character of a
 * segment, a whole "**" segment any number of segments (zero included). Dot files get no special treatment: "*"
 * matches ".bashrc", as the scanner must see hidden files too. Other characters, "[" and "\" included, are literal.
 *
 * <p>Matching is two-pointer backtracking at both levels (segments against "**", characters against "*"), which is
 * O(pattern × path) at worst and needs no recursion, so a crafted path cannot make it explode.
 */
final class GlobPattern {
    private static final String ANY_SEGMENTS = "**";

    private final String pattern;
    private final String[] segments;
    private final int literalPrefix;

    private GlobPattern(String pattern, String[] segments, int literalPrefix) {
        this.pattern = pattern;
        this.segments = segments;
        this.literalPrefix = literalPrefix;
    }

    /** Compiles an absolute pattern; empty and "." segments are dropped, consecutive "**" collapse into one. */
    static GlobPattern compile(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("glob must be absolute: " + pattern);
        }
        List<String> segs = new ArrayList<>();
        for (String s : pattern.substring(1).split("/", -1)) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals(ANY_SEGMENTS) && !segs.isEmpty() && segs.getLast().equals(ANY_SEGMENTS)) {
                continue;
            }
            segs.add(s);
        }
        int prefix = 0;
        while (prefix < segs.size() && !hasWildcard(segs.get(prefix))) {
            prefix++;
        }
        return new GlobPattern(pattern, segs.toArray(String[]::new), prefix);
    }

    private static boolean hasWildcard(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
    }

    String pattern() {
        return pattern;
    }

    /** Whether the pattern has no wildcard at all, i.e. names one path. */
    boolean isLiteral() {
        return literalPrefix == segments.length;
    }

    /** The normalised path a literal pattern names. */
    String literalPath() {
        return segments.length == 0 ? "/" : "/" + String.join("/", segments);
    }

    /** The leading segments without wildcards: only paths below them can match, which is what the index uses. */
    List<String> literalPrefix() {
        return List.of(segments).subList(0, literalPrefix);
    }

    /** The last segment when it has no wildcard (then only paths with that base name can match), else null. */
    String literalBasename() {
        if (segments.length == 0) {
            return null;
        }
        String last = segments[segments.length - 1];
        return hasWildcard(last) ? null : last;
    }

    /**
     * The literal characters after the last wildcard of the last segment ("*.list" gives ".list"): every matching
     * path ends with them. Empty when the pattern ends in a wildcard.
     */
    String literalTail() {
        if (segments.length == 0) {
            return "";
        }
        String last = segments[segments.length - 1];
        int wildcard = Math.max(last.lastIndexOf('*'), last.lastIndexOf('?'));
        return last.substring(wildcard + 1);
    }

    /** Matches a normalised absolute path. */
    boolean matches(String path) {
        return matches(PathSegments.of(path));
    }

    boolean matches(PathSegments path) {
        int n = path.count();
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = -1;
        while (s < n) {
            if (p < segments.length && segments[p].equals(ANY_SEGMENTS)) {
                starP = p++;
                starS = s;
            } else if (p < segments.length && segmentMatches(segments[p], path.text(), path.start(s), path.end(s))) {
                p++;
                s++;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < segments.length && segments[p].equals(ANY_SEGMENTS)) {
            p++;
        }
        return p == segments.length;
    }

    /** Classic wildcard match of one pattern segment against text[from, to). */
    static boolean segmentMatches(String pat, String text, int from, int to) {
        int p = 0;
        int t = from;
        int starP = -1;
        int starT = -1;
        int pn = pat.length();
        while (t < to) {
            char pc = p < pn ? pat.charAt(p) : 0;
            if (p < pn && pc == '*') {
                starP = p++;
                starT = t;
            } else if (p < pn && (pc == '?' || pc == text.charAt(t))) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pn && pat.charAt(p) == '*') {
            p++;
        }
        return p == pn;
    }

    @Override
    public String toString() {
        return pattern;
    }

    /** The segments of a normalised absolute path as offsets into it, so matching allocates no substrings. */
    record PathSegments(String text, int[] starts, int[] ends, int count) {
        static PathSegments of(String path) {
            int count = 0;
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '/' && i + 1 < path.length()) {
                    count++;
                }
            }
            int[] starts = new int[count];
            int[] ends = new int[count];
            int k = 0;
            int i = 1;
            while (k < count) {
                int j = path.indexOf('/', i);
                if (j < 0) {
                    j = path.length();
                }
                starts[k] = i;
                ends[k] = j;
                k++;
                i = j + 1;
            }
            return new PathSegments(path, starts, ends, count);
        }

        int start(int i) {
            return starts[i];
        }

        int end(int i) {
            return ends[i];
        }

        String segment(int i) {
            return text.substring(starts[i], ends[i]);
        }
    }
}
