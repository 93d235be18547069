package dev.plimsoll.analyzer.os.release;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads os-release(5) and the files of the same shape (lsb-release): newline-separated {@code KEY=value}
 * assignments, "#" comments and blank lines, values with shell-style quoting. Double quotes allow the escapes
 * {@code \" \\ \$ \`}; single quotes are literal; unquoted text takes a backslash as an escape of the next
 * character; quoted and unquoted parts next to each other join, as in the shell; "#" after a blank starts a
 * comment. Lines of another shape are ignored, as the specification asks. Later assignments win.
 *
 * <p>Not a shell: no variable expansion, no command substitution. Unquoted blanks inside a value are kept and
 * those around it dropped (a shell would run the words as a command; files in the wild mean them as the value). A
 * quote left open runs to the end of the line.
 */
final class OsReleaseParser {
    private OsReleaseParser() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!validKey(key)) {
                continue;
            }
            values.put(key, value(line.substring(eq + 1).stripLeading()));
        }
        return values;
    }

    /** Shell variable names: a letter or underscore, then letters, digits and underscores. */
    private static boolean validKey(String key) {
        if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String value(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int trailingBlanks = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                        d = s.charAt(++i);
                    }
                    out.append(d);
                    i++;
                }
                i++;
                trailingBlanks = 0;
            } else if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                int end = close < 0 ? s.length() : close;
                out.append(s, i + 1, end);
                i = end + 1;
                trailingBlanks = 0;
            } else if (c == '#' && trailingBlanks > 0) {
                // A shell comment: "#" at the start of a word.
                break;
            } else if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(i + 1));
                i += 2;
                trailingBlanks = 0;
            } else {
                out.append(c);
                trailingBlanks = c == ' ' || c == '\t' ? trailingBlanks + 1 : 0;
                i++;
            }
        }
        // Blanks after an unquoted value are not part of it; quoted ones are kept.
        out.setLength(out.length() - trailingBlanks);
        return out.toString();
    }
}
