package dev.plimsoll.analyzer.lang.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header fields of a Python core metadata file (METADATA, PKG-INFO): RFC 822 style "Name: value" lines, a line
 * starting with a blank continuing the previous field, the header ending at the first empty line (the description
 * body follows). Field names are case-insensitive; fields such as Classifier repeat.
 *
 * @param fields     values by lower-case field name, in file order
 * @param badLine    the first line that is neither a field nor a continuation (1-based), 0 if none; like Python's
 *                   email parser, the header ends there
 */
record CoreMetadata(Map<String, List<String>> fields, int badLine) {

    static CoreMetadata parse(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = null;
        int badLine = 0;
        int lineNo = 0;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end);
            lineNo++;
            pos = end + 1;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (value == null) {
                    badLine = lineNo;
                    break;
                }
                value.append('\n').append(line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isFieldName(line, colon)) {
                badLine = lineNo;
                break;
            }
            if (name != null) {
                add(fields, name, value);
            }
            name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            value = new StringBuilder(line.substring(colon + 1).strip());
            if (nl < 0) {
                break;
            }
        }
        if (name != null) {
            add(fields, name, value);
        }
        return new CoreMetadata(fields, badLine);
    }

    private static boolean isFieldName(String line, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static void add(Map<String, List<String>> fields, String name, StringBuilder value) {
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value.toString().strip());
    }

    /** The first value of a field, when present and not blank. */
    Optional<String> first(String field) {
        List<String> values = fields.get(field.toLowerCase(Locale.ROOT));
        if (values == null) {
            return Optional.empty();
        }
        return values.stream().filter(v -> !v.isBlank()).findFirst();
    }

    List<String> all(String field) {
        return fields.getOrDefault(field.toLowerCase(Locale.ROOT), List.of());
    }
}
