package dev.plimsoll.version.dpkg;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Trim;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.util.Objects;

/**
 * A Debian package version, {@code [epoch:]upstream_version[-debian_revision]}, ordered as dpkg orders it.
 *
 * <p>Parsing follows dpkg's {@code parseversion}: blanks around the text are ignored, the epoch is the text before
 * the first colon (a decimal number from 0 to 2147483647), the revision is the text after the last hyphen. What
 * dpkg only warns about is decided here as follows:
 * <ul>
 *   <li>an invalid character (upstream allows {@code [A-Za-z0-9.+~:-]}, the revision {@code [A-Za-z0-9.+~]}) is
 *       rejected: such a version cannot come from a well-formed package or advisory, and a guess at its meaning
 *       could hide a vulnerable package;</li>
 *   <li>an upstream version that does not start with a digit is accepted: dpkg installs and compares such packages
 *       (with a warning), so they do occur in real {@code status} files, and dropping them would drop packages
 *       from matching. {@link #startsWithDigit()} tells them apart.</li>
 * </ul>
 * The epoch must be plain digits: dpkg reads it with {@code strtol}, which would also take a sign ("+1:" or
 * "-0:"); no real package writes one, so it is rejected here.
 *
 * <p>Order: epoch numerically, then upstream version, then revision, each with dpkg's {@code verrevcmp} (see
 * {@link DpkgFragmentOrder}). Equality is that of the order: {@link #equals} holds exactly when {@link #compareTo}
 * is 0 ("1.0" equals "1.00", "1.0-0" equals "1.0").
 */
public final class DpkgVersion implements Version {
    /** Bounds the work one hostile string can cause; real versions are far shorter. */
    public static final int MAX_LENGTH = 1024;

    private final String raw;
    private final int epoch;
    private final String upstream;
    private final String revision;
    private final String upstreamKey;
    private final String revisionKey;

    private DpkgVersion(String raw, int epoch, String upstream, String revision) {
        this.raw = raw;
        this.epoch = epoch;
        this.upstream = upstream;
        this.revision = revision;
        this.upstreamKey = DpkgFragmentOrder.canonicalKey(upstream);
        this.revisionKey = DpkgFragmentOrder.canonicalKey(revision);
    }

    public static DpkgVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_LENGTH) {
            throw invalid(raw.substring(0, 40) + "...", "longer than " + MAX_LENGTH + " characters");
        }
        String text = trimBlanks(raw);
        if (text.isEmpty()) {
            throw invalid(raw, "version string is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            if (isBlank(text.charAt(i))) {
                throw invalid(raw, "version string has embedded spaces");
            }
        }
        int epoch = 0;
        String rest = text;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            epoch = parseEpoch(raw, text.substring(0, colon));
            rest = text.substring(colon + 1);
            if (rest.isEmpty()) {
                throw invalid(raw, "nothing after colon in version number");
            }
        }
        String upstream = rest;
        String revision = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = rest.substring(0, hyphen);
            revision = rest.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw invalid(raw, "revision number is empty");
            }
        }
        if (upstream.isEmpty()) {
            throw invalid(raw, "version number is empty");
        }
        for (int i = 0; i < upstream.length(); i++) {
            char c = upstream.charAt(i);
            if (!isAsciiAlphanumeric(c) && ".+~-:".indexOf(c) < 0) {
                throw invalid(raw, "invalid character " + describe(c) + " in upstream version");
            }
        }
        for (int i = 0; i < revision.length(); i++) {
            char c = revision.charAt(i);
            if (!isAsciiAlphanumeric(c) && ".+~".indexOf(c) < 0) {
                throw invalid(raw, "invalid character " + describe(c) + " in revision");
            }
        }
        return new DpkgVersion(raw, epoch, upstream, revision);
    }

    private static int parseEpoch(String raw, String digits) throws InvalidVersionException {
        if (digits.isEmpty()) {
            throw invalid(raw, "epoch in version is empty");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!isAsciiDigit(digits.charAt(i))) {
                throw invalid(raw, "epoch in version is not number");
            }
        }
        String significant = digits.replaceFirst("^0+", "");
        // dpkg keeps the epoch in an int; more than 10 significant digits cannot fit.
        long value = significant.isEmpty() ? 0 : significant.length() > 10 ? Long.MAX_VALUE
            : Long.parseLong(significant);
        if (value > Integer.MAX_VALUE) {
            throw invalid(raw, "epoch in version is too big");
        }
        return (int) value;
    }

    private static InvalidVersionException invalid(String raw, String reason) {
        return new InvalidVersionException("malformed dpkg version \"" + raw + "\": " + reason);
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** dpkg trims only blanks (space and tab), like C's {@code isblank}. */
    private static String trimBlanks(String s) {
        return Trim.trim(s, DpkgVersion::isBlank);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return DpkgScheme.INSTANCE;
    }

    /** The epoch, 0 when the text has none (dpkg makes no difference between "0:1.0" and "1.0"). */
    public int epoch() {
        return epoch;
    }

    public String upstream() {
        return upstream;
    }

    /** The Debian revision, empty when the text has no hyphen (dpkg orders that like "0"). */
    public String revision() {
        return revision;
    }

    /** Whether the upstream version starts with a digit, as Debian policy requires (dpkg only warns). */
    public boolean startsWithDigit() {
        return isAsciiDigit(upstream.charAt(0));
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof DpkgVersion that)) {
            throw new IllegalArgumentException("cannot order a dpkg version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        int order = Integer.compare(epoch, that.epoch);
        if (order != 0) {
            return order;
        }
        order = DpkgFragmentOrder.compare(upstream, that.upstream);
        if (order != 0) {
            return order;
        }
        return DpkgFragmentOrder.compare(revision, that.revision);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DpkgVersion that && epoch == that.epoch && upstreamKey.equals(that.upstreamKey)
            && revisionKey.equals(that.revisionKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, upstreamKey, revisionKey);
    }

    @Override
    public String toString() {
        return raw;
    }
}
