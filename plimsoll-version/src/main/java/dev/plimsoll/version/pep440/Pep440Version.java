package dev.plimsoll.version.pep440;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A PEP 440 version: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}, read leniently as the PEP's
 * normalisation rules allow (case, a leading "v", "alpha"/"beta"/"c"/"pre"/"preview", "rev"/"r", "-1" for a post
 * release, omitted numbers, "-", "_" and "." separators, surrounding whitespace).
 *
 * <p>The order is PEP 440's: epoch, then release (trailing zeros ignored), then dev releases of the release
 * before its pre-releases, pre-releases (a &lt; b &lt; rc) before the release, post releases after it and their
 * own dev releases before them, and finally local versions after the public version they label (numeric local
 * parts above alphanumeric ones, more parts above fewer). {@link #equals} holds exactly when {@link #compareTo}
 * is 0 ("1.0" equals "1.0.0" and "V1.0-RC1" equals "1.0rc1").
 */
public final class Pep440Version implements Version {
    /** Bounds the work one hostile string can cause; real versions are far shorter. */
    public static final int MAX_LENGTH = 1024;

    /** A pre- or post-release label: the normalised letter ("a", "b", "rc"; "post") and its number. */
    public record Label(String letter, BigInteger number) implements Comparable<Label> {
        public Label {
            Objects.requireNonNull(letter);
            Objects.requireNonNull(number);
        }

        @Override
        public int compareTo(Label other) {
            int order = letter.compareTo(other.letter);
            return order != 0 ? order : number.compareTo(other.number);
        }
    }

    /** One dot-separated part of a local version: a number, or lowercase text. */
    public sealed interface LocalPart permits LocalPart.Numeric, LocalPart.Alpha {
        record Numeric(BigInteger value) implements LocalPart {
            public Numeric {
                Objects.requireNonNull(value);
            }

            @Override
            public String toString() {
                return value.toString();
            }
        }

        record Alpha(String text) implements LocalPart {
            public Alpha {
                Objects.requireNonNull(text);
            }

            @Override
            public String toString() {
                return text;
            }
        }
    }

    private static final Comparator<LocalPart> LOCAL_PART_ORDER = (left, right) -> switch (left) {
        case LocalPart.Numeric l -> switch (right) {
            case LocalPart.Numeric r -> l.value().compareTo(r.value());
            case LocalPart.Alpha r -> 1;
        };
        case LocalPart.Alpha l -> switch (right) {
            case LocalPart.Numeric r -> -1;
            case LocalPart.Alpha r -> l.text().compareTo(r.text());
        };
    };

    private final String raw;
    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final Optional<Label> pre;
    private final Optional<Label> post;
    private final Optional<BigInteger> dev;
    private final Optional<List<LocalPart>> local;
    /** The release without trailing zeros: what the order and equality use. */
    private final List<BigInteger> significantRelease;

    private Pep440Version(String raw, BigInteger epoch, List<BigInteger> release, Optional<Label> pre,
            Optional<Label> post, Optional<BigInteger> dev, Optional<List<LocalPart>> local) {
        this.raw = raw;
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local.map(List::copyOf);
        int end = release.size();
        while (end > 0 && release.get(end - 1).signum() == 0) {
            end--;
        }
        this.significantRelease = this.release.subList(0, end);
    }

    /** Parses a version; "legacy" versions that PEP 440 does not describe are rejected with the text named. */
    public static Pep440Version parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidVersionException("PEP 440 version longer than " + MAX_LENGTH + " characters: \""
                + raw.substring(0, 40) + "...\"");
        }
        Pep440Version plain = plainRelease(raw);
        if (plain != null) {
            return plain;
        }
        Matcher m = Pep440Grammar.VERSION.matcher(raw);
        if (!m.matches()) {
            throw new InvalidVersionException("not a PEP 440 version: \"" + raw + "\"");
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String number : m.group("release").split("\\.")) {
            release.add(new BigInteger(number));
        }
        Optional<Label> pre = label(m.group("preL"), m.group("preN"));
        Optional<Label> post = m.group("postN1") != null
            ? Optional.of(new Label("post", new BigInteger(m.group("postN1"))))
            : label(m.group("postL"), m.group("postN2"));
        Optional<BigInteger> dev = m.group("devL") == null ? Optional.empty() : Optional.of(number(m.group("devN")));
        Optional<List<LocalPart>> local = Optional.ofNullable(m.group("local")).map(Pep440Version::localParts);
        return new Pep440Version(raw, epoch, release, pre, post, dev, local);
    }

    /**
     * "1.2.3" without the regular expression: most versions in advisories are plain dotted numbers, and matching
     * parses thousands of them. The grammar reads such a string exactly so (no epoch, labels or local part);
     * anything else, or a number of 18 digits or more, takes the general path.
     */
    private static Pep440Version plainRelease(String raw) {
        int n = raw.length();
        if (n == 0 || n > 64) {
            return null;
        }
        List<BigInteger> release = new ArrayList<>(4);
        long value = 0;
        int digits = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? raw.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (++digits > 17) {
                    return null;
                }
                value = value * 10 + (c - '0');
            } else if (c == '.' && digits > 0) {
                release.add(BigInteger.valueOf(value));
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return new Pep440Version(raw, BigInteger.ZERO, release, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return Pep440Scheme.INSTANCE;
    }

    public BigInteger epoch() {
        return epoch;
    }

    /** The release numbers as written (trailing zeros kept). */
    public List<BigInteger> release() {
        return release;
    }

    public Optional<Label> pre() {
        return pre;
    }

    public Optional<Label> post() {
        return post;
    }

    public Optional<BigInteger> dev() {
        return dev;
    }

    public Optional<List<LocalPart>> local() {
        return local;
    }

    /** A pre-release or a dev release, like {@code packaging}'s {@code is_prerelease}. */
    public boolean isPrerelease() {
        return pre.isPresent() || dev.isPresent();
    }

    public boolean isPostrelease() {
        return post.isPresent();
    }

    /** The version without its local label. */
    public Pep440Version publicVersion() {
        return local.isEmpty() ? this : new Pep440Version(raw, epoch, release, pre, post, dev, Optional.empty());
    }

    /** Epoch and release only. */
    public Pep440Version baseVersion() {
        return new Pep440Version(raw, epoch, release, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    }

    /** The normalised form, as {@code str(packaging.version.Version(...))} prints it ("1!2.0rc1.post3.dev4+ab.5"). */
    public String normalized() {
        StringBuilder out = new StringBuilder();
        if (epoch.signum() != 0) {
            out.append(epoch).append('!');
        }
        out.append(joined(release));
        pre.ifPresent(p -> out.append(p.letter()).append(p.number()));
        post.ifPresent(p -> out.append(".post").append(p.number()));
        dev.ifPresent(d -> out.append(".dev").append(d));
        local.ifPresent(parts -> out.append('+').append(joined(parts)));
        return out.toString();
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof Pep440Version that)) {
            throw new IllegalArgumentException("cannot order a PEP 440 version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        int order = epoch.compareTo(that.epoch);
        if (order == 0) {
            order = compareReleases(significantRelease, that.significantRelease);
        }
        if (order == 0) {
            order = Integer.compare(preRank(), that.preRank());
            if (order == 0 && pre.isPresent()) {
                order = pre.get().compareTo(that.pre.get());
            }
        }
        if (order == 0) {
            // No post release sorts first; then by label.
            order = compareOptional(post, that.post, Comparator.naturalOrder(), true);
        }
        if (order == 0) {
            // No dev release sorts last: a dev release comes before what it develops.
            order = compareOptional(dev, that.dev, Comparator.naturalOrder(), false);
        }
        if (order == 0) {
            order = compareOptional(local, that.local,
                (l, r) -> compareLists(l, r, LOCAL_PART_ORDER), true);
        }
        return Integer.signum(order);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version that && compareTo(that) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, significantRelease, preRank(), pre, post, dev, local);
    }

    @Override
    public String toString() {
        return normalized();
    }

    /**
     * Where the pre-release part sorts: 0 for a dev release of the release itself (no pre or post part, so
     * "1.0.dev1" &lt; "1.0a1"), 1 for a pre-release (then ordered by label), 2 for none.
     */
    private int preRank() {
        if (pre.isPresent()) {
            return 1;
        }
        return post.isEmpty() && dev.isPresent() ? 0 : 2;
    }

    /** {@link #compareLists} for release numbers, without a comparator call per element: the hottest compare. */
    private static int compareReleases(List<BigInteger> left, List<BigInteger> right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static <T> int compareOptional(Optional<T> left, Optional<T> right, Comparator<T> order,
            boolean absentFirst) {
        if (left.isPresent() && right.isPresent()) {
            return order.compare(left.get(), right.get());
        }
        if (left.isPresent() == right.isPresent()) {
            return 0;
        }
        return left.isEmpty() == absentFirst ? -1 : 1;
    }

    private static <T> int compareLists(List<T> left, List<T> right, Comparator<? super T> order) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int c = order.compare(left.get(i), right.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static Optional<Label> label(String letter, String number) {
        if (letter == null) {
            return Optional.empty();
        }
        // Lower-casing as Python does: U+0130 becomes "i" plus a combining dot, so such a spelling stays unmapped.
        String normalized = switch (letter.toLowerCase(Locale.ROOT)) {
            case "alpha" -> "a";
            case "beta" -> "b";
            case "c", "pre", "preview" -> "rc";
            case "rev", "r" -> "post";
            case String other -> other;
        };
        return Optional.of(new Label(normalized, number(number)));
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static List<LocalPart> localParts(String text) {
        List<LocalPart> parts = new ArrayList<>();
        for (String part : text.split("[-_.]")) {
            parts.add(part.chars().allMatch(c -> c >= '0' && c <= '9')
                ? new LocalPart.Numeric(new BigInteger(part))
                : new LocalPart.Alpha(part.toLowerCase(Locale.ROOT)));
        }
        return parts;
    }

    private static String joined(List<?> parts) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }
}
