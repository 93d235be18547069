package dev.plimsoll.analyzer.os;

/** Text helpers of the package database parsers; decoding and excerpts are core's {@code UntrustedText}. */
public final class Texts {
    private Texts() {
    }

    /** Space or tab: the blanks of control files. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether text[from, to) holds only spaces, tabs and carriage returns. */
    public static boolean isBlank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Collapses runs of whitespace (line breaks of folded fields included) into one space, and trims. */
    public static String fold(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether the string holds any whitespace. */
    public static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
