package dev.plimsoll.version.npm;

import java.util.regex.Pattern;

/**
 * node-semver's grammar in its two dialects. Strict follows SemVer 2.0.0 plus a leading {@code v}; loose, what npm
 * applies to versions found on disk and in advisories, also allows leading zeros, any run of {@code v}, {@code =}
 * and whitespace before the version, and a pre-release without its hyphen ("1.2.3beta").
 *
 * <p>The repetition bounds (256 digits, 251-character identifiers) are node-semver's own: its patterns are bounded
 * against runaway matching, and where a bound is exceeded node reports a malformed comparator rather than a number
 * that is too large, which decides whether loose mode drops the comparator or rejects the range. No real version
 * comes near them.
 *
 * <p>The repetitions of dot-separated identifiers are possessive ({@code *+}): java.util.regex recurses once per
 * repetition otherwise, and a long hostile range would overflow the stack. Nothing is lost: an identifier can only
 * be followed by '.', '+', a space or the end, none of which an identifier can hold, so giving back part of one
 * never leads to a match.
 */
final class NpmGrammar {
    static final NpmGrammar STRICT = new NpmGrammar(false);
    static final NpmGrammar LOOSE = new NpmGrammar(true);

    private static final String WS = "[" + JsText.WHITESPACE_CLASS + "]";
    private static final String NUMBER_STRICT = "0|[1-9][0-9]{0,256}";
    private static final String NUMBER_LOOSE = "[0-9]{1,256}";
    private static final String ALPHANUMERIC = "[0-9]{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}";
    private static final String BUILD_IDENTIFIER = "[a-zA-Z0-9-]{1,250}";
    /** Build metadata: one group, the identifiers after '+'. */
    static final String BUILD = "(?:\\+(" + BUILD_IDENTIFIER + "(?:\\." + BUILD_IDENTIFIER + ")*+))";

    /** A whole version after trimming; groups: major, minor, patch, pre-release, build. */
    final Pattern version;
    /** A primitive comparator "op version"; groups: operator, version text. */
    final Pattern comparator;
    /** An x-range "op partial"; groups: operator, major, minor, patch, pre-release, build. */
    final Pattern xRange;
    /** "~1.2", "~>1.2"; groups: major, minor, patch, pre-release, build. */
    final Pattern tilde;
    /** "^1.2"; groups: major, minor, patch, pre-release, build. */
    final Pattern caret;
    /** "partial - partial"; groups 1-6 the lower (text, major, minor, patch, pre, build), 7-12 the upper. */
    final Pattern hyphen;

    private NpmGrammar(boolean loose) {
        String number = loose ? NUMBER_LOOSE : NUMBER_STRICT;
        String preIdentifier = "(?:" + ALPHANUMERIC + "|" + number + ")";
        String prerelease = (loose ? "(?:-?(" : "(?:-(") + preIdentifier + "(?:\\." + preIdentifier + ")*+))";
        String main = "(" + number + ")\\.(" + number + ")\\.(" + number + ")";
        String plain = (loose ? "[v=" + JsText.WHITESPACE_CLASS + "]*" : "v?") + main + prerelease + "?" + BUILD + "?";
        String xIdentifier = "(?:" + number + "|x|X|\\*)";
        String partial = "[v=" + JsText.WHITESPACE_CLASS + "]*(" + xIdentifier + ")(?:\\.(" + xIdentifier
            + ")(?:\\.(" + xIdentifier + ")(?:" + prerelease + ")?" + BUILD + "?)?)?";
        String operator = "((?:<|>)?=?)";
        this.version = Pattern.compile(plain);
        this.comparator = Pattern.compile(operator + WS + "?(" + plain + ")");
        this.xRange = Pattern.compile(operator + WS + "?" + partial);
        this.tilde = Pattern.compile("~>?" + partial);
        this.caret = Pattern.compile("\\^" + partial);
        this.hyphen = Pattern.compile(WS + "?(" + partial + ")" + WS + "-" + WS + "(" + partial + ")" + WS + "?");
    }
}
