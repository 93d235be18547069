package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;

/** The ways BuildKit splits an instruction's argument text into words; each is a single linear pass. */
final class ArgumentLexer {
    private ArgumentLexer() {
    }

    /** Split on runs of space, tab, VT, FF or CR, nothing quoted (FROM, EXPOSE, COPY/ADD and VOLUME shell form). */
    static List<Token> fields(String s, int from) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < s.length()) {
            while (i < s.length() && Chars.isFieldSeparator(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !Chars.isFieldSeparator(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(s.substring(start, i), start));
            }
        }
        return tokens;
    }

    /**
     * Whitespace-separated words where quotes and the escape character protect whitespace; quotes and escapes stay in
     * the words (ENV, LABEL, ARG). Inside single quotes the escape character has no effect.
     */
    static List<Token> words(String s, int from, char escape) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = Chars.skipSpaces(s, from);
        while (i < s.length()) {
            int start = i;
            word.setLength(0);
            char quote = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (quote == 0 && Chars.isSpace(c)) {
                    break;
                }
                if (c == escape && quote != '\'') {
                    if (i + 1 == s.length()) {
                        i++;
                        break;
                    }
                    word.append(c).append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (quote == 0 && (c == '\'' || c == '"')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                }
                word.append(c);
                i++;
            }
            if (word.length() > 0 || i > start) {
                tokens.add(new Token(word.toString(), start));
            }
            i = Chars.skipSpaces(s, i);
        }
        return tokens;
    }

    /**
     * Shell words as written (quotes and backslash escapes kept), split on unquoted whitespace; used to find heredoc
     * markers, for which BuildKit always lexes with a backslash escape.
     */
    static List<Token> shellWords(String s, int from) {
        List<Token> tokens = new ArrayList<>();
        int i = Chars.skipSpaces(s, from);
        while (i < s.length()) {
            int start = i;
            char quote = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (quote == 0 && Chars.isSpace(c)) {
                    break;
                }
                if (c == '\\' && quote != '\'') {
                    i = Math.min(i + 2, s.length());
                    continue;
                }
                if (quote == 0 && (c == '\'' || c == '"')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
            }
            tokens.add(new Token(s.substring(start, i), start));
            i = Chars.skipSpaces(s, i);
        }
        return tokens;
    }

    /** Quote removal with backslash escapes (a heredoc name, a flag word). */
    static String unquoteShellWord(String s) {
        StringBuilder out = new StringBuilder(s.length());
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '\'') {
                if (i + 1 < s.length()) {
                    out.append(s.charAt(++i));
                }
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Flags at the start of the arguments, and where the arguments proper begin. */
    record FlagWords(List<Token> flags, int argumentsStart) {
    }

    /**
     * BuildKit's flag extraction: words starting with {@code --} before the first other word, quotes and backslash
     * escapes removed; a lone {@code --} ends the flags and is dropped.
     */
    static FlagWords flagWords(String s, int from) {
        List<Token> flags = new ArrayList<>();
        int i = from;
        while (true) {
            i = Chars.skipSpaces(s, i);
            if (i + 1 >= s.length() || s.charAt(i) != '-' || s.charAt(i + 1) != '-') {
                return new FlagWords(flags, i);
            }
            int start = i;
            while (i < s.length() && !Chars.isSpace(s.charAt(i))) {
                char c = s.charAt(i);
                if (c == '\'' || c == '"') {
                    int close = s.indexOf(c, i + 1);
                    i = close < 0 ? s.length() : close + 1;
                } else {
                    i += c == '\\' ? 2 : 1;
                }
            }
            i = Math.min(i, s.length());
            String raw = s.substring(start, i);
            if (raw.equals("--")) {
                return new FlagWords(flags, Chars.skipSpaces(s, i));
            }
            flags.add(new Token(raw, start));
        }
    }
}
