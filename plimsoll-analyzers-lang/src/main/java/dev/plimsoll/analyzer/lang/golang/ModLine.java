package dev.plimsoll.analyzer.lang.golang;

import java.util.ArrayList;
import java.util.List;

/** The tokens of one go.mod line and its trailing comment. */
final class ModLine {
    private enum Kind { WORD, STRING, OPEN, CLOSE }

    private record Token(Kind kind, String text) {
    }

    /** A line that is not go.mod syntax. */
    static final class SyntaxException extends Exception {
        SyntaxException(String message) {
            super(message);
        }
    }

    private final List<Token> tokens;
    private final String comment;

    private ModLine(List<Token> tokens, String comment) {
        this.tokens = tokens;
        this.comment = comment;
    }

    static ModLine lex(String line) throws SyntaxException {
        List<Token> tokens = new ArrayList<>();
        String comment = "";
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                comment = line.substring(i + 2);
                break;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else if (c == '`') {
                int end = line.indexOf('`', i + 1);
                if (end < 0) {
                    throw new SyntaxException("a raw string not closed on its line");
                }
                tokens.add(new Token(Kind.STRING, line.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                i = quoted(line, i + 1, s);
                tokens.add(new Token(Kind.STRING, s.toString()));
            } else {
                int start = i;
                while (i < line.length() && isWordChar(line.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, line.substring(start, i)));
            }
        }
        return new ModLine(tokens, comment);
    }

    private static boolean isWordChar(char c) {
        return c != ' ' && c != '\t' && c != '\r' && c != '(' && c != ')' && c != '"' && c != '`';
    }

    /** Reads an interpreted string after its opening quote into {@code out}; returns the index after its end. */
    private static int quoted(String line, int i, StringBuilder out) throws SyntaxException {
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= line.length()) {
                break;
            }
            char e = line.charAt(i++);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\', '"', '\'' -> out.append(e);
                case 'x' -> i = code(line, i, 2, 16, out);
                case 'u' -> i = code(line, i, 4, 16, out);
                case 'U' -> i = code(line, i, 8, 16, out);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> i = code(line, i - 1, 3, 8, out);
                default -> throw new SyntaxException("an unknown escape \\" + (e < 0x20 || e > 0x7e ? "?" : e)
                        + " in a quoted string");
            }
        }
        throw new SyntaxException("a quoted string not closed on its line");
    }

    private static int code(String line, int i, int digits, int radix, StringBuilder out) throws SyntaxException {
        if (i + digits > line.length()) {
            throw new SyntaxException("a quoted string ends inside an escape");
        }
        int value;
        try {
            value = Integer.parseUnsignedInt(line.substring(i, i + digits), radix);
        } catch (NumberFormatException e) {
            throw new SyntaxException("a malformed escape in a quoted string");
        }
        if (!Character.isValidCodePoint(value)) {
            throw new SyntaxException("an escape beyond Unicode in a quoted string");
        }
        out.appendCodePoint(value);
        return i + digits;
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    int size() {
        return tokens.size();
    }

    String text(int i) {
        return tokens.get(i).text();
    }

    boolean isWord(int i) {
        return tokens.get(i).kind() == Kind.WORD;
    }

    boolean isString(int i) {
        return tokens.get(i).kind() == Kind.STRING;
    }

    boolean isOpenParen(int i) {
        return tokens.get(i).kind() == Kind.OPEN;
    }

    boolean isCloseParen(int i) {
        return tokens.get(i).kind() == Kind.CLOSE;
    }

    /** Whether the comment marks an indirect requirement ("// indirect", "// indirect; ..."), as Go decides. */
    boolean indirect() {
        String[] fields = comment.strip().split("\\s+", 2);
        return fields[0].equals("indirect") || fields[0].startsWith("indirect;");
    }
}
