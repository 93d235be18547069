package dev.plimsoll.version.pep440;

import dev.plimsoll.version.Trim;
import java.util.regex.Pattern;

/**
 * The regular expressions of PEP 440 (its appendix B describes versions with one) and of version specifiers, as
 * pip reads them through the {@code packaging} library.
 *
 * <p>Matching follows Python's {@code re} exactly, so the same strings are accepted and split the same way:
 * ordered alternation with backtracking (Java's engine works alike), {@code \s} as Python's Unicode whitespace,
 * and case-insensitive letters spelled out as character classes, because Python's IGNORECASE also folds four
 * non-ASCII letters onto ASCII ones (U+0130 and U+0131 onto i, U+017F onto s, U+212A onto k) and so accepts them.
 */
final class Pep440Grammar {
    private Pep440Grammar() {
    }

    /** Python's {@code \s} on str: what {@code str.isspace()} accepts, which is also what {@code strip()} removes. */
    static final String WHITESPACE_CLASS =
        "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
    private static final String WS = "[" + WHITESPACE_CLASS + "]";
    private static final String SEPARATOR = "[-_.]";
    private static final String LOCAL_CHAR = "[a-zA-Z0-9\\u0130\\u0131\\u017F\\u212A]";
    private static final String LOCAL = LOCAL_CHAR + "+(?:" + SEPARATOR + LOCAL_CHAR + "+)*";

    /**
     * A version. Groups: epoch, release, preL, preN, postN1 (the "-1" form), postL, postN2, devL, devN, local. The
     * order inside each alternation matters: "1.0alpha1" first tries "a", then backtracks to "alpha".
     */
    static final Pattern VERSION = Pattern.compile(WS + "*"
        + "(?:" + word("v") + ")?"
        + "(?:(?<epoch>[0-9]+)!)?"
        + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
        + "(?:" + SEPARATOR + "?(?<preL>" + alternatives("a", "b", "c", "rc", "alpha", "beta", "pre", "preview") + ")"
        + SEPARATOR + "?(?<preN>[0-9]+)?)?"
        + "(?:(?:-(?<postN1>[0-9]+))|(?:" + SEPARATOR + "?(?<postL>" + alternatives("post", "rev", "r") + ")"
        + SEPARATOR + "?(?<postN2>[0-9]+)?))?"
        + "(?:" + SEPARATOR + "?(?<devL>" + word("dev") + ")" + SEPARATOR + "?(?<devN>[0-9]+)?)?"
        + "(?:\\+(?<local>" + LOCAL + "))?"
        + WS + "*");

    /** Pre, post and dev parts as specifiers write them (numbers may be absent). */
    private static final String SPEC_SUFFIXES =
        "(?:" + SEPARATOR + "?" + alternatives("alpha", "beta", "preview", "pre", "a", "b", "c", "rc") + SEPARATOR
            + "?[0-9]*)?"
            + "(?:(?:-[0-9]+)|(?:" + SEPARATOR + "?" + alternatives("post", "rev", "r") + SEPARATOR + "?[0-9]*))?"
            + "(?:" + SEPARATOR + "?" + word("dev") + SEPARATOR + "?[0-9]*)?";
    private static final String SPEC_START = WS + "*(?:" + word("v") + ")?(?:[0-9]+!)?[0-9]+";

    /**
     * One specifier. Groups: operator, version. Which version forms an operator takes is decided, as in
     * {@code packaging}, by looking behind at the operator just read: "===" takes any text without whitespace,
     * ";" or ")"; "==" and "!=" take wildcards and local versions; "~=" needs two release numbers; the rest take
     * neither wildcards nor local versions.
     */
    static final Pattern SPECIFIER = Pattern.compile(WS + "*"
        + "(?<operator>~=|==|!=|<=|>=|<|>|===)"
        + "(?<version>"
        + "(?:(?<====)" + WS + "*[^" + WHITESPACE_CLASS + ";)]*)"
        + "|(?:(?<===|!=)" + SPEC_START + "(?:\\.[0-9]+)*(?:\\.\\*|" + SPEC_SUFFIXES + "(?:\\+" + LOCAL + ")?)?)"
        + "|(?:(?<=~=)" + SPEC_START + "(?:\\.[0-9]+)+" + SPEC_SUFFIXES + ")"
        + "|(?:(?<!==|!=|~=)" + SPEC_START + "(?:\\.[0-9]+)*" + SPEC_SUFFIXES + ")"
        + ")"
        + WS + "*");

    /** Python's {@code str.strip()} with no argument. */
    static String strip(String text) {
        return Trim.trim(text, Pep440Grammar::isWhitespace);
    }

    static boolean isWhitespace(char c) {
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
            || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
            || c == 0x3000;
    }

    private static String alternatives(String... words) {
        StringBuilder out = new StringBuilder("(?:");
        for (int i = 0; i < words.length; i++) {
            out.append(i == 0 ? "" : "|").append(word(words[i]));
        }
        return out.append(')').toString();
    }

    /** A lowercase ASCII word matched case-insensitively the way Python's IGNORECASE does. */
    private static String word(String lowercase) {
        StringBuilder out = new StringBuilder();
        for (char c : lowercase.toCharArray()) {
            out.append('[').append(c).append(Character.toUpperCase(c));
            switch (c) {
                case 'i' -> out.append("\\u0130\\u0131");
                case 's' -> out.append("\\u017F");
                case 'k' -> out.append("\\u212A");
                default -> {
                }
            }
            out.append(']');
        }
        return out.toString();
    }
}
