package dev.plimsoll.version.nuget;

import dev.plimsoll.version.Trim;

/** .NET's String.Trim and IsNullOrWhiteSpace: Char.IsWhiteSpace is the Unicode White_Space property. */
final class DotNetText {
    private DotNetText() {
    }

    static boolean isWhitespace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00A0' || c == '\u1680'
            || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F'
            || c == '\u205F' || c == '\u3000';
    }

    static String trim(String text) {
        return Trim.trim(text, DotNetText::isWhitespace);
    }

    static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }
}
