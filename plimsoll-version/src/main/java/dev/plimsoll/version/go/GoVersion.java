package dev.plimsoll.version.go;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go module version, ordered as golang.org/x/mod/semver orders them.
 *
 * <p>Accepted forms, all compared as the semver they stand for:
 * <ul>
 *   <li>{@link Form#MODULE} "v1.2.3", "v1.2.3-rc.1", "v2.0.0+incompatible", pseudo-versions
 *       ("v0.0.0-20200116001909-b77594299b42"), and x/mod/semver's shorthands "v1" and "v1.2"
 *       (v1.0.0, v1.2.0);</li>
 *   <li>{@link Form#BARE} the same without the "v": OSV's Go records (the Go vulnerability database) write
 *       "1.2.3", "0", "10.5.2+incompatible", "0.0.0-20200116001909-b77594299b42";</li>
 *   <li>{@link Form#TOOLCHAIN} versions of the Go toolchain and standard library as binaries record them:
 *       "go1.21.3", "go1.21" (v1.21.0), "go1.21rc2" (v1.21.0-rc.2), "go1.20beta1" (v1.20.0-beta.1),
 *       also without "go" when the pre-release is attached ("1.21rc2"); a trailing experiment list
 *       ("go1.21.3 X:boringcrypto") is ignored. OSV writes stdlib and toolchain ranges as semver
 *       ("1.21.3", "1.21.0-rc.2"), which these forms meet.</li>
 * </ul>
 * Build metadata, "+incompatible" included, does not take part in the order (as in semver), so
 * "v2.0.0+incompatible" equals "v2.0.0". {@link #equals} holds exactly when {@link #compareTo} is 0.
 *
 * <p>"0" parses as v0.0.0, which is what it means as a version. OSV's {@code introduced: "0"} is something else,
 * a sentinel for "from the first version": pseudo-versions such as v0.0.0-20170330155735-e4e2799dd7aa sort
 * below v0.0.0, and the Go database has ranges "introduced 0, fixed 0.0.0-2017…", so a range evaluator must
 * treat that sentinel as unbounded rather than compare against v0.0.0.
 */
public final class GoVersion implements Version {
    /** Bounds the work one hostile string can cause; real versions are far shorter. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern TOOLCHAIN =
        Pattern.compile("(?:go)?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:(beta|rc)(\\d+))?(?: X:[A-Za-z0-9,_-]+)?");

    private final String raw;
    private final Form form;
    private final String major;
    private final String minor;
    private final String patch;
    private final String prerelease;
    private final String build;

    /** How the version was written. */
    public enum Form { MODULE, BARE, TOOLCHAIN }

    private GoVersion(String raw, Form form, Semver semver) {
        this.raw = raw;
        this.form = form;
        this.major = semver.major;
        this.minor = semver.minor;
        this.patch = semver.patch;
        this.prerelease = semver.prerelease;
        this.build = semver.build;
    }

    public static GoVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.isEmpty()) {
            throw new InvalidVersionException("empty Go version");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidVersionException("Go version longer than " + MAX_LENGTH + " characters: \""
                + raw.substring(0, 40) + "...\"");
        }
        if (raw.charAt(0) == 'v') {
            return new GoVersion(raw, Form.MODULE, Semver.parse(raw, raw));
        }
        Matcher toolchain = TOOLCHAIN.matcher(raw);
        boolean toolchainForm = raw.startsWith("go") || (toolchain.matches() && toolchain.group(4) != null)
            || raw.contains(" X:");
        if (toolchainForm) {
            if (!toolchain.matches()) {
                throw new InvalidVersionException("malformed Go toolchain version \"" + raw + "\"");
            }
            String semver = "v" + toolchain.group(1) + "." + orZero(toolchain.group(2)) + "."
                + orZero(toolchain.group(3))
                + (toolchain.group(4) == null ? "" : "-" + toolchain.group(4) + "." + toolchain.group(5));
            return new GoVersion(raw, Form.TOOLCHAIN, Semver.parse(semver, raw));
        }
        return new GoVersion(raw, Form.BARE, Semver.parse("v" + raw, raw));
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return GoScheme.INSTANCE;
    }

    public Form form() {
        return form;
    }

    /** The canonical semver, as x/mod/semver.Canonical gives it: "v1.2.0", "v1.21.0-rc.2" (no build metadata). */
    public String canonical() {
        return "v" + major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
    }

    /** The pre-release without its "-", or "". */
    public String prerelease() {
        return prerelease;
    }

    /** The build metadata without its "+", or "". */
    public String build() {
        return build;
    }

    /** Whether the version carries "+incompatible": a v2+ module without a /vN module path. */
    public boolean isIncompatible() {
        return build.equals("incompatible");
    }

    /** The pseudo-version parts, when this is one (golang.org/x/mod/module.IsPseudoVersion). */
    public Optional<PseudoVersion> pseudo() {
        // A pseudo-version ends with "<14-digit time>-<alphanumeric revision>" after a base marker.
        int revisionDash = prerelease.lastIndexOf('-');
        if (revisionDash < 0) {
            return Optional.empty();
        }
        String revision = prerelease.substring(revisionDash + 1);
        String head = prerelease.substring(0, revisionDash);
        if (revision.isEmpty() || !revision.chars().allMatch(GoVersion::isAlphanumeric) || head.length() < 14) {
            return Optional.empty();
        }
        String timestamp = head.substring(head.length() - 14);
        if (!timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        String base = head.substring(0, head.length() - 14);
        if (base.isEmpty() && minor.equals("0") && patch.equals("0")) {
            return Optional.of(new PseudoVersion(PseudoVersion.Kind.NO_BASE, timestamp, revision));
        }
        if (base.equals("0.")) {
            return Optional.of(new PseudoVersion(PseudoVersion.Kind.RELEASE_BASE, timestamp, revision));
        }
        if (base.endsWith(".0.") && base.length() > 3) {
            return Optional.of(new PseudoVersion(PseudoVersion.Kind.PRERELEASE_BASE, timestamp, revision));
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof GoVersion that)) {
            throw new IllegalArgumentException("cannot order a Go version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        int c = compareNumbers(major, that.major);
        if (c == 0) {
            c = compareNumbers(minor, that.minor);
        }
        if (c == 0) {
            c = compareNumbers(patch, that.patch);
        }
        return c != 0 ? c : comparePrereleases(prerelease, that.prerelease);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoVersion that && major.equals(that.major) && minor.equals(that.minor)
            && patch.equals(that.patch) && prerelease.equals(that.prerelease);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease);
    }

    @Override
    public String toString() {
        return raw;
    }

    /** Numbers without leading zeros: the longer is greater, equal lengths compare as text. */
    private static int compareNumbers(String x, String y) {
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    /**
     * semver precedence: a release is above its pre-releases; identifiers left to right, numeric below
     * alphanumeric, numbers by value, text by ASCII; a longer list above its prefix.
     */
    private static int comparePrereleases(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        if (x.isEmpty()) {
            return 1;
        }
        if (y.isEmpty()) {
            return -1;
        }
        String[] xs = x.split("\\.", -1);
        String[] ys = y.split("\\.", -1);
        for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
            if (xs[i].equals(ys[i])) {
                continue;
            }
            boolean xNumeric = isNumeric(xs[i]);
            boolean yNumeric = isNumeric(ys[i]);
            if (xNumeric != yNumeric) {
                return xNumeric ? -1 : 1;
            }
            return xNumeric ? compareNumbers(xs[i], ys[i]) : Integer.signum(xs[i].compareTo(ys[i]));
        }
        return Integer.compare(xs.length, ys.length);
    }

    private static boolean isNumeric(String identifier) {
        return identifier.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isAlphanumeric(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String orZero(String group) {
        return group == null ? "0" : group;
    }

    /** The parts of a "v"-prefixed semver, validated with x/mod/semver's grammar. */
    private record Semver(String major, String minor, String patch, String prerelease, String build) {

        static Semver parse(String v, String raw) throws InvalidVersionException {
            Cursor c = new Cursor(v, raw);
            c.expect('v');
            String major = c.number("major");
            if (c.atEnd()) {
                return new Semver(major, "0", "0", "", "");
            }
            c.expect('.');
            String minor = c.number("minor");
            if (c.atEnd()) {
                return new Semver(major, minor, "0", "", "");
            }
            c.expect('.');
            String patch = c.number("patch");
            String prerelease = "";
            String build = "";
            if (c.peek() == '-') {
                c.advance();
                prerelease = c.identifiers("pre-release", true);
            }
            if (c.peek() == '+') {
                c.advance();
                build = c.identifiers("build metadata", false);
            }
            if (!c.atEnd()) {
                throw c.error("unexpected '" + c.peek() + "'");
            }
            return new Semver(major, minor, patch, prerelease, build);
        }
    }

    /** A left-to-right reader over the semver text; errors name the original text. */
    private static final class Cursor {
        private final String text;
        private final String raw;
        private int at;

        Cursor(String text, String raw) {
            this.text = text;
            this.raw = raw;
        }

        boolean atEnd() {
            return at == text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(at);
        }

        void advance() {
            at++;
        }

        void expect(char c) throws InvalidVersionException {
            if (peek() != c) {
                throw error(atEnd() ? "ends early, expected '" + c + "'" : "expected '" + c + "'");
            }
            at++;
        }

        /** Digits without a leading zero (other than "0" itself). */
        String number(String what) throws InvalidVersionException {
            int start = at;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                at++;
            }
            String digits = text.substring(start, at);
            if (digits.isEmpty()) {
                throw error("missing " + what + " number");
            }
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                throw error(what + " number has a leading zero");
            }
            return digits;
        }

        /** Dot-separated non-empty [0-9A-Za-z-] identifiers up to '+' or the end. */
        String identifiers(String what, boolean numericWithoutLeadingZero) throws InvalidVersionException {
            int start = at;
            int identifierStart = at;
            while (!atEnd() && peek() != '+') {
                char c = peek();
                if (c == '.') {
                    checkIdentifier(what, identifierStart, numericWithoutLeadingZero);
                    identifierStart = at + 1;
                } else if (!isAlphanumeric(c) && c != '-') {
                    throw error("unexpected '" + c + "' in " + what);
                }
                at++;
            }
            checkIdentifier(what, identifierStart, numericWithoutLeadingZero);
            return text.substring(start, at);
        }

        private void checkIdentifier(String what, int from, boolean numericWithoutLeadingZero)
            throws InvalidVersionException {
            String identifier = text.substring(from, at);
            if (identifier.isEmpty()) {
                throw error("empty identifier in " + what);
            }
            if (numericWithoutLeadingZero && identifier.length() > 1 && identifier.charAt(0) == '0'
                && isNumeric(identifier)) {
                throw error("numeric identifier with a leading zero in " + what);
            }
        }

        InvalidVersionException error(String problem) {
            return new InvalidVersionException("malformed Go version \"" + raw + "\": " + problem);
        }
    }
}
