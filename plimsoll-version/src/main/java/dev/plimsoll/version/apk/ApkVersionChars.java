package dev.plimsoll.version.apk;

/** The character classes of the apk version grammar (ASCII only). */
final class ApkVersionChars {
    private ApkVersionChars() {
    }

    @FunctionalInterface
    interface CharTest {
        boolean accepts(char c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLowerHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f');
    }

    static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
