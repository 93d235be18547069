package dev.plimsoll.version.npm;

import dev.plimsoll.version.Trim;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * JavaScript's notion of whitespace and the string operations node-semver applies to input. JavaScript's
 * {@code trim()} and {@code \s} cover more than Java's {@code strip()} and {@code \s} (no-break space, BOM, the
 * Unicode space separators) and less (U+001C..U+001F), so input must be cut exactly as node cuts it.
 */
final class JsText {
    /** ECMAScript WhiteSpace and LineTerminator, the set {@code \s} and {@code trim()} use, as a class body. */
    static final String WHITESPACE_CLASS =
        "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    private static final Pattern RUNS = Pattern.compile("[" + WHITESPACE_CLASS + "]+");

    private JsText() {
    }

    static boolean isWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    static String trim(String text) {
        return Trim.trim(text, JsText::isWhitespace);
    }

    /** Every whitespace run becomes one space. */
    static String collapseWhitespace(String text) {
        return RUNS.matcher(text).replaceAll(" ");
    }

    /** {@code text.split(/\s+/)}: a leading run gives a leading empty string, a trailing run a trailing one. */
    static String[] splitWhitespace(String text) {
        return RUNS.split(text, -1);
    }

    /**
     * The text JavaScript prints for {@code +digits + 1}: exact below 2^53, and past 10^21 an exponent form that is
     * no longer a version number. (Between the two the digits may differ from JavaScript's rounded ones, but any
     * such number is already beyond node-semver's largest version component, so the outcome is the same.)
     */
    static String increment(String digits) {
        double rounded = Double.parseDouble(digits) + 1;
        if (rounded >= 1e21) {
            return Double.toString(rounded).replace("E", "e+");
        }
        return new BigInteger(digits).add(BigInteger.ONE).toString();
    }
}
