package dev.plimsoll.analyzer.lang;

/** Text checks shared by the manifest parsers (decoding and excerpts: {@code core.analysis.UntrustedText}). */
public final class Texts {
    private Texts() {
    }

    /** Whether the string is non-empty and holds no whitespace or control characters. */
    public static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
