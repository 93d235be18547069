package dev.plimsoll.report;

/**
 * Text that came from the scanned target or an advisory feed (titles, paths, package names, messages), made safe to
 * put in a report that people read in a terminal, a browser or a CI page. Control characters (ANSI escape sequences
 * start with one), bidirectional overrides (which can make text read differently from what it is), noncharacters
 * and unpaired surrogates (which no encoder can write) become U+FFFD, so that tampering shows instead of acting.
 * Line and paragraph separators count as line breaks. Everything left is legal in XML 1.0 and prints as itself.
 *
 * <p>Each format escapes its own syntax ({@link MarkdownText}, the JSON and XML writers) after this.
 */
final class UntrustedText {
    static final char REPLACEMENT = '\uFFFD';
    private static final String ELLIPSIS = "\u2026";

    private UntrustedText() {
    }

    /** {@code text} on one line: line breaks and tabs become spaces. */
    static String line(String text) {
        return clean(text, false);
    }

    /** {@code text} with its line breaks kept as {@code \n} (CR LF and lone CR included); tabs become spaces. */
    static String lines(String text) {
        return clean(text, true);
    }

    /** {@link #line} cut to at most {@code maxCodePoints}, the last one an ellipsis when anything was cut. */
    static String line(String text, int maxCodePoints) {
        return cap(line(text), maxCodePoints);
    }

    /** {@code text} cut to at most {@code maxCodePoints} code points, the last an ellipsis when it was cut. */
    static String cap(String text, int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be positive");
        }
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxCodePoints - 1);
        return text.substring(0, end) + ELLIPSIS;
    }

    private static String clean(String text, boolean keepLineBreaks) {
        if (printableAscii(text)) {
            return text; // nearly every title, path and id: nothing to replace, no copy to make
        }
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                i += 2;
            } else {
                cp = Character.isSurrogate(c) ? REPLACEMENT : c;
                i++;
            }
            if (cp == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                sb.append(keepLineBreaks ? '\n' : ' ');
            } else if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
                sb.append(keepLineBreaks ? '\n' : ' ');
            } else if (cp == '\t') {
                sb.append(' ');
            } else if (unsafe(cp)) {
                sb.append(REPLACEMENT);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Whether every character is a printable ASCII one (space to tilde), which need no cleaning. */
    static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** C0 and C1 controls, DEL, bidirectional controls and noncharacters. */
    static boolean unsafe(int cp) {
        return Character.isISOControl(cp) || bidiControl(cp) || nonCharacter(cp);
    }

    private static boolean bidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean nonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
