package dev.plimsoll.check.cis.input.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a systemd command line or assignment list into words the way systemd does: whitespace separates, single and
 * double quotes group, backslash escapes. {@link #expand} substitutes {@code ${VAR}} (one word) and {@code $VAR} (split
 * into words) from the unit's environment, as systemd does for ExecStart.
 */
public final class ExecWords {
    private ExecWords() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * The words of an ExecStart line with variables expanded: a word that is exactly {@code $VAR} becomes the value's
     * words, {@code ${VAR}} inside a word is replaced by the value; unknown variables are empty, as in systemd.
     */
    public static List<String> expand(String line, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (String word : split(line)) {
            if (word.matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
                out.addAll(split(env.getOrDefault(word.substring(1), "")));
                continue;
            }
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (i < word.length()) {
                int start = word.indexOf("${", i);
                int end = start < 0 ? -1 : word.indexOf('}', start);
                if (start < 0 || end < 0) {
                    b.append(word, i, word.length());
                    break;
                }
                b.append(word, i, start).append(env.getOrDefault(word.substring(start + 2, end), ""));
                i = end + 1;
            }
            if (!b.isEmpty() || word.isEmpty()) {
                out.add(b.toString());
            }
        }
        return out;
    }
}
