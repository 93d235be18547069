package dev.plimsoll.version.nuget;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A NuGet package version with NuGet.Versioning's rules ({@code NuGetVersion.Parse} and the default
 * {@code VersionComparer}):
 * <ul>
 * <li>one to four dot-separated numbers, each at most 2^31-1 (System.Version's limit), leading zeros allowed;
 *     missing parts are zero, so 1.0 == 1.0.0 == 1.0.0.0 and 1.01 == 1.1;</li>
 * <li>an optional pre-release after the first '-': dot-separated labels of ASCII letters, digits and hyphens, a
 *     numeric label without leading zeros;</li>
 * <li>optional build metadata after the first '+', labels that may have leading zeros; ignored by the order;</li>
 * <li>surrounding whitespace ignored.</li>
 * </ul>
 * Order: the four numbers, then a release above its pre-releases, then labels left to right, numeric labels by
 * value and before alphanumeric ones, alphanumeric labels compared ignoring case ("1.0.0-RC" == "1.0.0-rc"), a
 * shorter label list lower when it is a prefix of the longer.
 *
 * <p>Two NuGet.Versioning quirks are not copied, following SemVer 2.0.0 instead: it treats a label such as "-1" as
 * the number -1 and compares numeric labels above 2^31-1 as text (it reads labels with int.TryParse). Recent
 * NuGet.Versioning also accepts "1." and "1..2" (empty parts read as 0); older releases and System.Version refuse
 * them, and so does this parser.
 */
public final class NuGetVersion implements Version {
    /** Bounds the work one hostile string can cause; real versions are far shorter. */
    public static final int MAX_LENGTH = 256;
    private static final long INT32_MAX = Integer.MAX_VALUE;

    private final String raw;
    private final int[] numbers;
    private final int partCount;
    private final List<String> releaseLabels;
    private final String metadata;

    private NuGetVersion(String raw, int[] numbers, int partCount, List<String> releaseLabels, String metadata) {
        this.raw = raw;
        this.numbers = numbers;
        this.partCount = partCount;
        this.releaseLabels = List.copyOf(releaseLabels);
        this.metadata = metadata;
    }

    public static NuGetVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidVersionException("NuGet version longer than " + MAX_LENGTH + " characters: \""
                + raw.substring(0, 40) + "...\"");
        }
        String text = DotNetText.trim(raw);
        int split = firstOf(text, '-', '+');
        String numeric = split < 0 ? text : text.substring(0, split);
        String labels = null;
        String metadata = null;
        if (split >= 0 && text.charAt(split) == '-') {
            int plus = text.indexOf('+', split + 1);
            labels = plus < 0 ? text.substring(split + 1) : text.substring(split + 1, plus);
            metadata = plus < 0 ? null : text.substring(plus + 1);
        } else if (split >= 0) {
            metadata = text.substring(split + 1);
        }
        int[] numbers = new int[4];
        String[] parts = numeric.split("\\.", -1);
        if (numeric.isEmpty() || parts.length > 4) {
            throw fail(raw, "expected one to four dot-separated numbers before any '-' or '+'");
        }
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(raw, parts[i]);
        }
        List<String> releaseLabels = new ArrayList<>();
        if (labels != null) {
            for (String label : labels.split("\\.", -1)) {
                String problem = labelProblem(label, false);
                if (problem != null) {
                    throw fail(raw, "pre-release label \"" + label + "\" " + problem);
                }
                releaseLabels.add(label);
            }
        }
        if (metadata != null) {
            for (String label : metadata.split("\\.", -1)) {
                String problem = labelProblem(label, true);
                if (problem != null) {
                    throw fail(raw, "metadata label \"" + label + "\" " + problem);
                }
            }
        }
        return new NuGetVersion(raw, numbers, parts.length, releaseLabels, metadata == null ? "" : metadata);
    }

    private static int number(String raw, String digits) throws InvalidVersionException {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail(raw, "\"" + digits + "\" is not a version number");
        }
        BigInteger value = new BigInteger(digits);
        if (value.compareTo(BigInteger.valueOf(INT32_MAX)) > 0) {
            throw fail(raw, digits + " is above 2147483647");
        }
        return value.intValue();
    }

    /** NuGet.Versioning's IsValidPart: non-empty, [A-Za-z0-9-], and a numeric label has no leading zero. */
    private static String labelProblem(String label, boolean leadingZerosAllowed) {
        if (label.isEmpty()) {
            return "is empty";
        }
        if (!label.chars().allMatch(c -> isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || c == '-')) {
            return "has a character other than ASCII letters, digits and '-'";
        }
        if (!leadingZerosAllowed && label.length() > 1 && label.charAt(0) == '0'
                && label.chars().allMatch(NuGetVersion::isDigit)) {
            return "is a number with a leading zero";
        }
        return null;
    }

    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidVersionException fail(String raw, String why) {
        return new InvalidVersionException("malformed NuGet version \"" + raw + "\": " + why);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return NuGetScheme.INSTANCE;
    }

    public int major() {
        return numbers[0];
    }

    public int minor() {
        return numbers[1];
    }

    public int patch() {
        return numbers[2];
    }

    /** The fourth number (System.Version's revision), 0 when absent. */
    public int revision() {
        return numbers[3];
    }

    public List<String> releaseLabels() {
        return releaseLabels;
    }

    /** Build metadata as written, "" when absent; never used in the order. */
    public String metadata() {
        return metadata;
    }

    public boolean isPrerelease() {
        return !releaseLabels.isEmpty();
    }

    /**
     * NuGet's normalized form: leading zeros dropped, at least three numbers, a zero fourth number omitted, no
     * metadata ("1.01" gives "1.1.0", "1.0.0.0" gives "1.0.0", "1.0.0.4-Beta" gives "1.0.0.4-Beta").
     */
    public String normalized() {
        StringBuilder out = new StringBuilder().append(numbers[0]).append('.').append(numbers[1]).append('.')
            .append(numbers[2]);
        if (numbers[3] != 0) {
            out.append('.').append(numbers[3]);
        }
        if (!releaseLabels.isEmpty()) {
            out.append('-').append(String.join(".", releaseLabels));
        }
        return out.toString();
    }

    /** How many numbers were written (1 to 4); the order does not depend on it. */
    public int partCount() {
        return partCount;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof NuGetVersion that)) {
            throw new IllegalArgumentException("cannot order a NuGet version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        return order(that);
    }

    int order(NuGetVersion that) {
        for (int i = 0; i < 4; i++) {
            int order = Integer.compare(numbers[i], that.numbers[i]);
            if (order != 0) {
                return Integer.signum(order);
            }
        }
        if (releaseLabels.isEmpty() || that.releaseLabels.isEmpty()) {
            return Boolean.compare(releaseLabels.isEmpty(), that.releaseLabels.isEmpty());
        }
        int shared = Math.min(releaseLabels.size(), that.releaseLabels.size());
        for (int i = 0; i < shared; i++) {
            int order = compareLabels(releaseLabels.get(i), that.releaseLabels.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(releaseLabels.size(), that.releaseLabels.size());
    }

    private static int compareLabels(String a, String b) {
        boolean aNumeric = a.chars().allMatch(NuGetVersion::isDigit);
        boolean bNumeric = b.chars().allMatch(NuGetVersion::isDigit);
        if (aNumeric && bNumeric) {
            return Integer.signum(new BigInteger(a).compareTo(new BigInteger(b)));
        }
        if (aNumeric || bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return Integer.signum(a.compareToIgnoreCase(b));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NuGetVersion that && order(that) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(numbers[0], numbers[1], numbers[2], numbers[3],
            releaseLabels.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
    }

    @Override
    public String toString() {
        return normalized();
    }
}
