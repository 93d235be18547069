package dev.plimsoll.analyzer.os.dpkg;

import dev.plimsoll.analyzer.os.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads deb822 control data (dpkg's status file, distroless status.d files): paragraphs separated by blank lines,
 * "Field: value" lines, continuation lines starting with a space or tab, field names case-insensitive. One pass
 * over the characters, no regular expressions, so hostile input (a 10 MB line, binary garbage) costs linear time.
 *
 * <p>Only the fields the caller names are copied out; the rest (Description, Conffiles) are checked for form and
 * skipped, which keeps the parse of older database copies cheap. A paragraph that breaks the format is reported
 * as {@link Malformed} with the line of the first fault and dropped whole, since its fields cannot be trusted;
 * parsing goes on with the next paragraph.
 *
 * <p>More lenient than dpkg where dpkg's strictness protects only its own writes: carriage returns before line
 * feeds are dropped, a missing final newline is accepted and a line of blanks ends a paragraph (deb822(5)).
 */
public final class ControlFileParser {
    /** Bound on one kept field value; real ones (Depends of a large package) stay below a few KiB. */
    public static final int MAX_VALUE_CHARS = 256 * 1024;
    private static final int MAX_FIELD_NAME_CHARS = 128;

    /** A well-formed paragraph: the wanted fields it has, keyed by lower-case name, values trimmed. */
    public record Paragraph(int line, Map<String, String> fields) {
        public Paragraph {
            fields = Map.copyOf(fields);
        }

        public String get(String lowerCaseName) {
            return fields.get(lowerCaseName);
        }
    }

    /** A paragraph dropped because of the fault at {@code line}. */
    public record Malformed(int line, String message) {
    }

    public record Result(List<Paragraph> paragraphs, List<Malformed> malformed) {
        public Result {
            paragraphs = List.copyOf(paragraphs);
            malformed = List.copyOf(malformed);
        }
    }

    private final Set<String> wanted;

    /** @param wanted lower-case names of the fields to keep */
    public ControlFileParser(Set<String> wanted) {
        this.wanted = Set.copyOf(wanted);
    }

    public Result parse(String text) {
        Builder b = new Builder();
        int length = text.length();
        int pos = 0;
        int lineNo = 0;
        while (pos < length) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? length : nl;
            int next = nl < 0 ? length : nl + 1;
            if (end > pos && text.charAt(end - 1) == '\r') {
                end--;
            }
            lineNo++;
            b.line(text, pos, end, lineNo);
            pos = next;
        }
        b.endParagraph();
        return new Result(b.paragraphs, b.malformed);
    }

    /** The state of the paragraph being read. */
    private final class Builder {
        final List<Paragraph> paragraphs = new ArrayList<>();
        final List<Malformed> malformed = new ArrayList<>();
        boolean inParagraph;
        int startLine;
        Map<String, String> fields = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Malformed fault;
        String field;
        StringBuilder value;
        boolean fieldOpen;

        void line(String text, int from, int to, int lineNo) {
            if (Texts.isBlank(text, from, to)) {
                endParagraph();
                return;
            }
            if (!inParagraph) {
                inParagraph = true;
                startLine = lineNo;
            }
            if (fault != null) {
                return;
            }
            if (Texts.isBlank(text.charAt(from))) {
                continuation(text, from, to, lineNo);
            } else {
                fieldLine(text, from, to, lineNo);
            }
        }

        private void continuation(String text, int from, int to, int lineNo) {
            if (!fieldOpen) {
                fault = new Malformed(lineNo, "continuation line without a field before it");
                return;
            }
            if (value != null) {
                int start = from;
                while (start < to && Texts.isBlank(text.charAt(start))) {
                    start++;
                }
                if (value.length() + 1 + (to - start) > MAX_VALUE_CHARS) {
                    fault = new Malformed(lineNo, "value of field " + field + " longer than " + MAX_VALUE_CHARS
                            + " characters");
                    return;
                }
                value.append('\n').append(text, start, to);
            }
        }

        private void fieldLine(String text, int from, int to, int lineNo) {
            closeField();
            int colon = indexOf(text, ':', from, to);
            if (colon < 0) {
                fault = new Malformed(lineNo, "expected \"Field: value\"");
                return;
            }
            if (colon == from) {
                fault = new Malformed(lineNo, "empty field name");
                return;
            }
            if (colon - from > MAX_FIELD_NAME_CHARS) {
                fault = new Malformed(lineNo, "field name longer than " + MAX_FIELD_NAME_CHARS + " characters");
                return;
            }
            String name = text.substring(from, colon);
            if (!validName(name)) {
                fault = new Malformed(lineNo, "invalid field name \"" + UntrustedText.excerpt(name) + "\"");
                return;
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                fault = new Malformed(lineNo, "duplicate field " + name);
                return;
            }
            field = name;
            fieldOpen = true;
            if (wanted.contains(key)) {
                int start = colon + 1;
                while (start < to && Texts.isBlank(text.charAt(start))) {
                    start++;
                }
                if (to - start > MAX_VALUE_CHARS) {
                    fault = new Malformed(lineNo, "value of field " + name + " longer than " + MAX_VALUE_CHARS
                            + " characters");
                    return;
                }
                value = new StringBuilder(to - start).append(text, start, to);
            }
        }

        /** String.indexOf would search past the line, making a file of colon-less lines quadratic. */
        private static int indexOf(String text, char c, int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == c) {
                    return i;
                }
            }
            return -1;
        }

        /** deb822: US-ASCII printable characters but colon, not starting with '#' or '-'. */
        private boolean validName(String name) {
            char first = name.charAt(0);
            if (first == '#' || first == '-') {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    return false;
                }
            }
            return true;
        }

        private void closeField() {
            if (value != null) {
                fields.put(field.toLowerCase(Locale.ROOT), value.toString().strip());
            }
            value = null;
            fieldOpen = false;
        }

        void endParagraph() {
            if (!inParagraph) {
                return;
            }
            if (fault == null) {
                closeField();
                paragraphs.add(new Paragraph(startLine, fields));
            } else {
                malformed.add(fault);
            }
            inParagraph = false;
            fields = new HashMap<>();
            seen = new HashSet<>();
            fault = null;
            field = null;
            value = null;
            fieldOpen = false;
        }
    }
}
