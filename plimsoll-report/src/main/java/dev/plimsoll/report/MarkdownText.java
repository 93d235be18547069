package dev.plimsoll.report;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Untrusted text made inert in GitHub- and GitLab-flavoured Markdown, for pull-request comments and SARIF help. The
 * reporters never start a block (a line, a list item) with untrusted text, so only inline syntax needs escaping:
 * emphasis, code, links and images, tables, HTML and entities, math. Mentions ("@team") and issue references
 * ("#12") get a zero-width space after their sigil: a comment must not notify people or link issues because a
 * package or an advisory says so.
 */
final class MarkdownText {
    private static final String ZERO_WIDTH_SPACE = "&#8203;";

    private MarkdownText() {
    }

    /** Plain text on one line, at most {@code maxCodePoints} long, with no Markdown or HTML meaning. */
    static String inline(String untrusted, int maxCodePoints) {
        return escape(UntrustedText.line(untrusted, maxCodePoints));
    }

    /** Plain text on one line with no Markdown or HTML meaning. */
    static String inline(String untrusted) {
        return escape(UntrustedText.line(untrusted));
    }

    private static String escape(String line) {
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '~', '[', ']', '|', '$' -> sb.append('\\').append(c);
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '@', '#' -> sb.append(c).append(ZERO_WIDTH_SPACE);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A code span holding {@code untrusted} literally, on one line. Inside a GFM table a pipe must be escaped even in a
     * code span (the table is split into cells first) and the escape is removed again; elsewhere it would show.
     */
    static String code(String untrusted, int maxCodePoints, boolean inTable) {
        String text = UntrustedText.line(untrusted, maxCodePoints);
        if (inTable) {
            text = text.replace("|", "\\|");
        }
        if (text.isBlank()) {
            return "`" + (text.isEmpty() ? " " : text) + "`";
        }
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        // A space on each side keeps a leading or trailing backtick apart from the fence; one is stripped each side.
        boolean pad = text.startsWith("`") || text.endsWith("`") || (text.startsWith(" ") && text.endsWith(" "));
        return pad ? fence + " " + text + " " + fence : fence + text + fence;
    }

    /** {@code [label](url)} when {@code url} is an absolute http(s) URL, else the label alone. */
    static String link(String label, Optional<URI> url) {
        String text = inline(label);
        Optional<String> href = url.flatMap(MarkdownText::href);
        return href.isPresent() ? "[" + text + "](" + href.get() + ")" : text;
    }

    /**
     * The URL in a form a link destination takes literally: ASCII (java.net.URI already refuses spaces, quotes, angle
     * brackets and pipes), with parentheses percent-encoded so that none can end the destination early.
     */
    static Optional<String> href(URI url) {
        if (!httpUrl(url)) {
            return Optional.empty();
        }
        return Optional.of(url.toASCIIString().replace("(", "%28").replace(")", "%29"));
    }

    static boolean httpUrl(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !url.isAbsolute() || url.isOpaque() || url.getHost() == null) {
            return false;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("https") || lower.equals("http");
    }
}
