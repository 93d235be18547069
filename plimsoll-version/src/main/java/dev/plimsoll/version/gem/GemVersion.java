package dev.plimsoll.version.gem;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Trim;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A RubyGems version with Gem::Version's grammar and order.
 *
 * <p>The text is split into runs of digits and of letters ("1.0.rc2" is 1, 0, "rc", 2). Any letter makes it a
 * pre-release, which sorts before the release ("1.0.a" &lt; "1.0"). A {@code -} is read as ".pre." ("1.0-1" is
 * "1.0.pre.1"). Trailing zero segments do not count ("1.0" equals "1"), neither before the first letter run nor
 * after it ("1.a.0" equals "1.a"). Equality is that of the order: {@link #equals} holds exactly when
 * {@link #compareTo} is 0.
 */
public final class GemVersion implements Version {
    /** Bounds the work one hostile string can cause; real gem versions are far shorter. */
    public static final int MAX_LENGTH = 1024;

    private final String raw;
    private final String normalized;
    private final List<GemSegment> segments;
    private final List<GemSegment> canonical;
    private final boolean prerelease;

    private GemVersion(String raw, String normalized) {
        this.raw = raw;
        this.normalized = normalized;
        this.segments = scan(normalized);
        this.canonical = canonicalize(segments);
        this.prerelease = normalized.chars().anyMatch(GemVersion::isLetter);
    }

    /**
     * Parses like {@code Gem::Version.new}: surrounding ASCII whitespace is ignored and a blank string is "0".
     */
    public static GemVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidVersionException("gem version longer than " + MAX_LENGTH + " characters: \""
                + raw.substring(0, 40) + "...\"");
        }
        String core = trimAsciiWhitespace(raw);
        if (core.isEmpty()) {
            return new GemVersion(raw, "0");
        }
        String problem = grammarProblem(core);
        if (problem != null) {
            throw new InvalidVersionException("malformed gem version \"" + raw + "\": " + problem);
        }
        return new GemVersion(raw, core.replace("-", ".pre."));
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return GemScheme.INSTANCE;
    }

    /** The version as RubyGems prints it: trimmed, with every {@code -} turned into ".pre.". */
    public String normalized() {
        return normalized;
    }

    public List<GemSegment> segments() {
        return segments;
    }

    /** The segments the order uses: trailing zeros dropped before and after the first letter run. */
    public List<GemSegment> canonicalSegments() {
        return canonical;
    }

    /** Whether any letter appears (after the {@code -} rewrite), like {@code Gem::Version#prerelease?}. */
    public boolean isPrerelease() {
        return prerelease;
    }

    /** The version without its letters and everything after the first letter run ("1.2.b.3" gives "1.2"). */
    public GemVersion release() {
        if (!prerelease) {
            return this;
        }
        return fromSegments(withoutLetterTail(segments));
    }

    /** The upper bound of {@code ~>}: letters dropped, then the last segment dropped and the new last incremented. */
    public GemVersion bump() {
        List<GemSegment> kept = withoutLetterTail(segments);
        if (kept.size() > 1) {
            kept.remove(kept.size() - 1);
        }
        // Only numeric segments remain, and at least the leading one (every version starts with a digit).
        GemSegment.Numeric last = (GemSegment.Numeric) kept.get(kept.size() - 1);
        kept.set(kept.size() - 1, new GemSegment.Numeric(last.value().add(BigInteger.ONE)));
        return fromSegments(kept);
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof GemVersion that)) {
            throw new IllegalArgumentException("cannot order a gem version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        if (canonical.equals(that.canonical)) {
            return 0;
        }
        int limit = Math.max(canonical.size(), that.canonical.size());
        for (int i = 0; i < limit; i++) {
            GemSegment left = i < canonical.size() ? canonical.get(i) : ZERO;
            GemSegment right = i < that.canonical.size() ? that.canonical.get(i) : ZERO;
            int order = compareSegments(left, right);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GemVersion that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return normalized;
    }

    private static final GemSegment ZERO = new GemSegment.Numeric(BigInteger.ZERO);

    /** Letters sort before numbers; numbers by value; letters by their bytes (all ASCII here). */
    private static int compareSegments(GemSegment left, GemSegment right) {
        return switch (left) {
            case GemSegment.Numeric l -> switch (right) {
                case GemSegment.Numeric r -> l.value().compareTo(r.value());
                case GemSegment.Alpha r -> 1;
            };
            case GemSegment.Alpha l -> switch (right) {
                case GemSegment.Numeric r -> -1;
                case GemSegment.Alpha r -> Integer.signum(l.letters().compareTo(r.letters()));
            };
        };
    }

    private static GemVersion fromSegments(List<GemSegment> segments) {
        StringBuilder text = new StringBuilder();
        for (GemSegment segment : segments) {
            if (!text.isEmpty()) {
                text.append('.');
            }
            text.append(segment);
        }
        String joined = text.toString();
        return new GemVersion(joined, joined);
    }

    /** Drops segments from the end until no letter run is left. */
    private static List<GemSegment> withoutLetterTail(List<GemSegment> segments) {
        int firstAlpha = firstAlpha(segments);
        return new ArrayList<>(segments.subList(0, firstAlpha));
    }

    private static int firstAlpha(List<GemSegment> segments) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) instanceof GemSegment.Alpha) {
                return i;
            }
        }
        return segments.size();
    }

    private static List<GemSegment> canonicalize(List<GemSegment> segments) {
        int split = firstAlpha(segments);
        List<GemSegment> result = new ArrayList<>(dropTrailingZeros(segments.subList(0, split)));
        result.addAll(dropTrailingZeros(segments.subList(split, segments.size())));
        return List.copyOf(result);
    }

    private static List<GemSegment> dropTrailingZeros(List<GemSegment> part) {
        int end = part.size();
        while (end > 0 && part.get(end - 1) instanceof GemSegment.Numeric n && n.isZero()) {
            end--;
        }
        return part.subList(0, end);
    }

    private static List<GemSegment> scan(String text) {
        List<GemSegment> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (isDigit(c)) {
                while (i < text.length() && isDigit(text.charAt(i))) {
                    i++;
                }
                result.add(new GemSegment.Numeric(new BigInteger(text.substring(start, i))));
            } else if (isLetter(c)) {
                while (i < text.length() && isLetter(text.charAt(i))) {
                    i++;
                }
                result.add(new GemSegment.Alpha(text.substring(start, i)));
            } else {
                i++;
            }
        }
        return List.copyOf(result);
    }

    /**
     * Checks Gem::Version's grammar: digits, then dot-separated alphanumeric parts, then optionally a {@code -}
     * followed by dot-separated parts that may themselves contain {@code -}. Returns what is wrong, or null.
     */
    private static String grammarProblem(String core) {
        int dash = core.indexOf('-');
        String head = dash < 0 ? core : core.substring(0, dash);
        String[] parts = head.split("\\.", -1);
        if (parts[0].isEmpty() || !parts[0].chars().allMatch(GemVersion::isDigit)) {
            return "must start with a digit and have no letters before the first dot";
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                return "empty part between dots";
            }
            if (!parts[i].chars().allMatch(c -> isDigit(c) || isLetter(c))) {
                return "unexpected character in \"" + parts[i] + "\"";
            }
        }
        if (dash >= 0) {
            for (String part : core.substring(dash + 1).split("\\.", -1)) {
                if (part.isEmpty()) {
                    return "empty part after '-'";
                }
                if (!part.chars().allMatch(c -> isDigit(c) || isLetter(c) || c == '-')) {
                    return "unexpected character in \"" + part + "\"";
                }
            }
        }
        return null;
    }

    /** Ruby's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    static String trimAsciiWhitespace(String text) {
        return Trim.trim(text, GemVersion::isAsciiWhitespace);
    }

    static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
