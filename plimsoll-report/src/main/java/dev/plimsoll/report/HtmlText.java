package dev.plimsoll.report;

/**
 * Text for the parts of the HTML report written on the server side: the header, the chart's labels, the problems.
 * Everything that came from a scan (target names, OS names, paths, messages) goes through {@link #escape}, so no
 * value can open a tag, close an attribute or start a character reference.
 */
final class HtmlText {
    private static final char REPLACEMENT = '\uFFFD';

    private HtmlText() {
    }

    /**
     * {@code text} safe as element content and as a double- or single-quoted attribute value: the five markup
     * characters become character references, and control characters (tab and newline excepted) and unpaired
     * surrogates, which HTML parsers reject or mangle, become U+FFFD.
     */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || isControl(c)) {
                        sb.append(REPLACEMENT);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
    }
}
