package dev.plimsoll.check.cis.input.dockerrun;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into simple commands and their words as a POSIX shell does — quotes, backslash escapes,
 * line continuations, comments, and the separators {@code ; & && || |} and newline — without expanding or
 * executing anything: {@code $VAR}, {@code $(…)} and backquotes stay literal text in the word.
 */
final class ShellWords {
    /** One simple command: its words and the line (1-based) its first word is on. */
    record Command(List<String> words, int line) {
        Command {
            words = List.copyOf(words);
        }
    }

    /** A quoting error: an unterminated quote; the line is where the quote opened. */
    static final class UnterminatedQuoteException extends Exception {
        final int line;

        UnterminatedQuoteException(char quote, int line) {
            super(switch (quote) {
                case '\'' -> "unterminated single quote";
                case '"' -> "unterminated double quote";
                case '`' -> "unterminated backquote";
                default -> "unterminated command substitution $(";
            });
            this.line = line;
        }
    }

    private static final int MAX_SUBSTITUTION_DEPTH = 8;

    /** Command substitutions ({@code $(…)}, backquotes) found in words: their text and first line. */
    private record Substitution(String text, int line) {
    }

    private final String text;
    private int pos;
    private int line;
    private final List<Substitution> substitutions = new ArrayList<>();

    private ShellWords(String text, int firstLine) {
        this.text = text;
        this.line = firstLine;
    }

    /**
     * The simple commands of {@code text}, followed by those inside its command substitutions
     * ({@code CID=$(docker run …)} creates a container too); the substitution stays literal text in its word.
     */
    static List<Command> commands(String text) throws UnterminatedQuoteException {
        // a script saved with Windows line ends still continues lines with a backslash before CRLF
        return commands(text.replace("\r\n", "\n"), 1, 0);
    }

    private static List<Command> commands(String text, int firstLine, int depth) throws UnterminatedQuoteException {
        ShellWords words = new ShellWords(text, firstLine);
        List<Command> commands = new ArrayList<>(words.all());
        // deeper substitutions are still kept as text; only looking into them stops, so the stack stays bounded
        if (depth < MAX_SUBSTITUTION_DEPTH) {
            for (Substitution substitution : words.substitutions) {
                commands.addAll(commands(substitution.text(), substitution.line(), depth + 1));
            }
        }
        return commands;
    }

    private List<Command> all() throws UnterminatedQuoteException {
        List<Command> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int commandLine = -1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
                if (c == '\n') {
                    line++;
                }
                pos++;
                if (!words.isEmpty()) {
                    commands.add(new Command(words, commandLine));
                    words = new ArrayList<>();
                }
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '(' || c == ')' || c == '{' && isLoneBrace() || c == '}' && isLoneBrace()) {
                // subshells and groups: their contents are commands of their own
                pos++;
                if (!words.isEmpty()) {
                    commands.add(new Command(words, commandLine));
                    words = new ArrayList<>();
                }
            } else {
                if (words.isEmpty()) {
                    commandLine = line;
                }
                words.add(word());
            }
        }
        if (!words.isEmpty()) {
            commands.add(new Command(words, commandLine));
        }
        return commands;
    }

    private boolean isLoneBrace() {
        int next = pos + 1;
        return next >= text.length() || " \t\n;".indexOf(text.charAt(next)) >= 0;
    }

    private String word() throws UnterminatedQuoteException {
        StringBuilder word = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (" \t\r\n;&|()".indexOf(c) >= 0) {
                break;
            }
            if (c == '\\') {
                pos++;
                if (pos < text.length()) {
                    char escaped = text.charAt(pos++);
                    if (escaped == '\n') {
                        line++;
                    } else {
                        word.append(escaped);
                    }
                }
            } else if (c == '\'') {
                int opened = line;
                int end = text.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new UnterminatedQuoteException('\'', opened);
                }
                String quoted = text.substring(pos + 1, end);
                line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                word.append(quoted);
                pos = end + 1;
            } else if (c == '"') {
                doubleQuoted(word);
            } else if (c == '`') {
                int opened = line;
                int end = text.indexOf('`', pos + 1);
                if (end < 0) {
                    throw new UnterminatedQuoteException('`', opened);
                }
                String inner = text.substring(pos + 1, end);
                substitutions.add(new Substitution(inner, opened));
                line += (int) inner.chars().filter(ch -> ch == '\n').count();
                word.append(text, pos, end + 1);
                pos = end + 1;
            } else if (c == '$' && pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
                commandSubstitution(word);
            } else {
                word.append(c);
                pos++;
            }
        }
        return word.toString();
    }

    /** {@code $(…)}: kept as written, never run; its parentheses may hold spaces, quotes and separators. */
    private void commandSubstitution(StringBuilder word) throws UnterminatedQuoteException {
        int opened = line;
        int depth = 0;
        int start = pos;
        pos++;
        do {
            char ch = text.charAt(pos);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '\n') {
                line++;
            }
            pos++;
        } while (depth > 0 && pos < text.length());
        if (depth > 0) {
            throw new UnterminatedQuoteException('(', opened);
        }
        word.append(text, start, pos);
        substitutions.add(new Substitution(text.substring(start + 2, pos - 1), opened));
    }

    private void doubleQuoted(StringBuilder word) throws UnterminatedQuoteException {
        int opened = line;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(pos + 1)) >= 0) {
                char escaped = text.charAt(pos + 1);
                pos += 2;
                if (escaped == '\n') {
                    line++;
                } else {
                    word.append(escaped);
                }
                continue;
            }
            if (c == '$' && pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
                commandSubstitution(word);
                continue;
            }
            if (c == '\n') {
                line++;
            }
            word.append(c);
            pos++;
        }
        throw new UnterminatedQuoteException('"', opened);
    }
}
