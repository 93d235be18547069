package dev.plimsoll.version.rpm;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An rpm {@code [epoch:]version[-release]} (EVR), split as rpm's {@code rpmverParse} splits it and ordered as
 * {@code rpmverCmp} orders it (what rpm 4.18's Lua {@code rpm.vercmp} returns).
 *
 * <p>Split: the epoch is the leading run of digits when a colon follows it; the release is the text after the
 * last hyphen. Plimsoll prints EVRs the same way, with the epoch only when the package has one, so printed
 * versions parse back unchanged.
 *
 * <p>Epoch policy: a missing epoch orders exactly like epoch 0 (rpm's own rule, used by rpm, dnf and Red Hat's
 * OVAL data), so "1.0-1" equals "0:1.0-1". {@link #epoch()} still tells whether the text named one.
 *
 * <p>Release policy: a missing release orders before every release ("1.0" &lt; "1.0-1"), as in
 * {@code rpmverCmp}. (rpm's dependency matching instead lets a release-less requirement match every release;
 * that is a property of a range, not of the order, and this order stays total.)
 *
 * <p>Validation, stricter than rpm's parser (which takes any text): the text must be non-empty and at most
 * {@link #MAX_LENGTH} characters; version and release must be non-empty and use only what rpmbuild allows in
 * them, ASCII letters and digits and {@code . _ + % { } ~ ^} (the version may also hold hyphens, which rpm's split
 * leaves in it); the epoch must fit rpm's 32-bit unsigned epoch tag and may not be empty (":1.0").
 *
 * <p>Equality is that of the order: {@link #equals} holds exactly when {@link #compareTo} is 0.
 */
public final class RpmVersion implements Version {
    public static final int MAX_LENGTH = 1024;
    /** rpm stores the epoch as an unsigned 32-bit integer. */
    public static final long MAX_EPOCH = 0xFFFF_FFFFL;

    private final String raw;
    private final OptionalLong epoch;
    private final String version;
    private final Optional<String> release;
    private final List<RpmSegment> versionSegments;
    private final Optional<List<RpmSegment>> releaseSegments;

    private RpmVersion(String raw, OptionalLong epoch, String version, Optional<String> release) {
        this.raw = raw;
        this.epoch = epoch;
        this.version = version;
        this.release = release;
        this.versionSegments = RpmSegment.split(version);
        this.releaseSegments = release.map(RpmSegment::split);
    }

    public static RpmVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_LENGTH) {
            throw invalid(raw.substring(0, 40) + "...", "longer than " + MAX_LENGTH + " characters");
        }
        if (raw.isEmpty()) {
            throw invalid(raw, "empty");
        }
        int digitsEnd = 0;
        while (digitsEnd < raw.length() && isDigit(raw.charAt(digitsEnd))) {
            digitsEnd++;
        }
        OptionalLong epoch = OptionalLong.empty();
        String rest = raw;
        if (digitsEnd < raw.length() && raw.charAt(digitsEnd) == ':') {
            epoch = OptionalLong.of(parseEpoch(raw, raw.substring(0, digitsEnd)));
            rest = raw.substring(digitsEnd + 1);
        }
        String version = rest;
        Optional<String> release = Optional.empty();
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            version = rest.substring(0, hyphen);
            release = Optional.of(rest.substring(hyphen + 1));
        }
        if (version.isEmpty()) {
            throw invalid(raw, "empty version");
        }
        checkCharacters(raw, version, "version", true);
        if (release.isPresent()) {
            if (release.get().isEmpty()) {
                throw invalid(raw, "empty release after '-'");
            }
            checkCharacters(raw, release.get(), "release", false);
        }
        return new RpmVersion(raw, epoch, version, release);
    }

    /**
     * The EVR of a package header's fields, formatted as Plimsoll prints it ("E:V-R", the epoch only when
     * present) and parsed.
     */
    public static RpmVersion of(OptionalLong epoch, String version, Optional<String> release)
        throws InvalidVersionException {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
        if (epoch.isPresent() && (epoch.getAsLong() < 0 || epoch.getAsLong() > MAX_EPOCH)) {
            throw invalid(epoch.getAsLong() + ":" + version, "epoch outside 0.." + MAX_EPOCH);
        }
        if (version.indexOf('-') >= 0 || version.indexOf(':') >= 0) {
            throw invalid(version, "a version field cannot hold '-' or ':'");
        }
        if (release.isPresent() && release.get().indexOf('-') >= 0) {
            throw invalid(release.get(), "a release field cannot hold '-'");
        }
        String text = (epoch.isPresent() ? epoch.getAsLong() + ":" : "") + version
            + release.map(r -> "-" + r).orElse("");
        return parse(text);
    }

    private static long parseEpoch(String raw, String digits) throws InvalidVersionException {
        if (digits.isEmpty()) {
            throw invalid(raw, "empty epoch before ':'");
        }
        String significant = digits.replaceFirst("^0+", "");
        if (significant.length() > 10 || (!significant.isEmpty() && Long.parseLong(significant) > MAX_EPOCH)) {
            throw invalid(raw, "epoch larger than " + MAX_EPOCH);
        }
        return significant.isEmpty() ? 0 : Long.parseLong(significant);
    }

    private static void checkCharacters(String raw, String part, String name, boolean hyphenAllowed)
        throws InvalidVersionException {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean allowed = isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || "._+%{}~^".indexOf(c) >= 0 || (hyphenAllowed && c == '-');
            if (!allowed) {
                throw invalid(raw, "invalid character "
                    + (c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c)) + " in " + name);
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidVersionException invalid(String raw, String reason) {
        return new InvalidVersionException("malformed rpm version \"" + raw + "\": " + reason);
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return RpmScheme.INSTANCE;
    }

    /** The epoch the text names, empty when it names none (which orders like 0). */
    public OptionalLong epoch() {
        return epoch;
    }

    public long epochOrZero() {
        return epoch.orElse(0);
    }

    public String version() {
        return version;
    }

    public Optional<String> release() {
        return release;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof RpmVersion that)) {
            throw new IllegalArgumentException("cannot order an rpm version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        int order = Long.compare(epochOrZero(), that.epochOrZero());
        if (order != 0) {
            return order;
        }
        order = RpmSegment.compareSequences(versionSegments, that.versionSegments);
        if (order != 0) {
            return order;
        }
        if (releaseSegments.isEmpty() || that.releaseSegments.isEmpty()) {
            return Boolean.compare(releaseSegments.isPresent(), that.releaseSegments.isPresent());
        }
        return RpmSegment.compareSequences(releaseSegments.get(), that.releaseSegments.get());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RpmVersion that && epochOrZero() == that.epochOrZero()
            && versionSegments.equals(that.versionSegments) && releaseSegments.equals(that.releaseSegments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epochOrZero(), versionSegments, releaseSegments);
    }

    @Override
    public String toString() {
        return raw;
    }
}
