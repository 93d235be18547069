package dev.plimsoll.check.secrets.engine;

import java.util.regex.Pattern;

/**
 * Punctuation every match of a regex must contain: the literal characters of its top-level sequence that no
 * quantifier makes optional ({@code ://}, {@code :} and {@code @} of a URL-with-password rule). Groups, classes,
 * escapes other than escaped punctuation, letters and digits (case-insensitive flags) are ignored, and a top-level
 * alternation or an unusual construct gives nothing: the result only ever under-approximates. A rule whose keyword
 * is common ({@code ://}) then skips its regex on windows lacking one of these characters, as the generic URL
 * detector skips lines without '@'.
 */
final class RequiredChars {
    private RequiredChars() {
    }

    static String of(Pattern p) {
        String s = p.pattern();
        if ((p.flags() & (Pattern.COMMENTS | Pattern.LITERAL)) != 0 || s.contains("\\Q") || s.contains("(?x")) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int literal = -1;
            int next;
            if (c == '|') {
                return "";
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return "";
                }
                char e = s.charAt(i + 1);
                if (!Character.isLetterOrDigit(e)) {
                    literal = e;
                    next = i + 2;
                } else if (e == 'p' || e == 'P' || e == 'x' || e == 'u' || e == 'k' || e == 'N' || e == 'c'
                        || e == '0' || Character.isDigit(e)) {
                    return "";   // property classes, code points, back references: not worth parsing
                } else {
                    next = i + 2;  // \b \s \d \w \t \n …: no punctuation
                }
            } else if (c == '[') {
                next = skipClass(s, i);
            } else if (c == '(') {
                next = skipGroup(s, i);
            } else if (c == ')' || c == ']' || c == '{' || c == '}' || c == '?' || c == '*' || c == '+') {
                return "";   // unbalanced or a quantifier where none belongs: give up
            } else if (c == '.' || c == '^' || c == '$' || Character.isLetterOrDigit(c) || Character.isWhitespace(c)
                    || c > 127) {
                next = i + 1;
            } else {
                literal = c;
                next = i + 1;
            }
            if (next < 0) {
                return "";
            }
            int after = skipQuantifier(s, next);
            if (after < 0) {
                return "";
            }
            boolean optional = after > next && (s.charAt(next) == '?' || s.charAt(next) == '*'
                    || s.charAt(next) == '{' && s.startsWith("{0", next));
            if (literal >= 0 && !optional && out.indexOf(String.valueOf((char) literal)) < 0) {
                out.append((char) literal);
            }
            i = after;
        }
        return out.toString();
    }

    /** The index after the class starting at {@code i}, or -1. */
    private static int skipClass(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                j++;
                if (j < s.length() && s.charAt(j) == '^') {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == ']') {
                    j++;   // a leading ']' is literal
                }
                continue;
            }
            if (c == ']' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    /** The index after the group starting at {@code i}, or -1. */
    private static int skipGroup(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                j = skipClass(s, j);
                if (j < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    /** The index after a quantifier (and its lazy/possessive suffix) at {@code i}, i itself when there is none. */
    private static int skipQuantifier(String s, int i) {
        if (i >= s.length()) {
            return i;
        }
        char c = s.charAt(i);
        int j;
        if (c == '?' || c == '*' || c == '+') {
            j = i + 1;
        } else if (c == '{') {
            int close = s.indexOf('}', i);
            if (close < 0 || !s.substring(i + 1, close).matches("\\d+(?:,\\d*)?")) {
                return -1;
            }
            j = close + 1;
        } else {
            return i;
        }
        if (j < s.length() && (s.charAt(j) == '?' || s.charAt(j) == '+')) {
            j++;
        }
        return j;
    }
}
