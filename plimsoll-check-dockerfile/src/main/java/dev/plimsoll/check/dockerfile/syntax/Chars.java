package dev.plimsoll.check.dockerfile.syntax;

/** Character classes as BuildKit's Go code uses them. */
final class Chars {
    private Chars() {
    }

    /** Go's unicode.IsSpace: ASCII whitespace, NEL, NBSP and the Unicode space separators. */
    static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0085', '\u00A0' -> true;
            default -> c > 0xFF && Character.isSpaceChar(c);
        };
    }

    /** The separators of BuildKit's whitespace split ({@code [\t\v\f\r ]}). */
    static boolean isFieldSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int trimEnd(String s, int from, int to) {
        int end = to;
        while (end > from && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
