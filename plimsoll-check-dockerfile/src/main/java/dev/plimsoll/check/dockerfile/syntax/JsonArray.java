package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The exec-form test: does the text start with a JSON array of strings? Follows Go's encoding/json as BuildKit uses
 * it: the first complete JSON value is decoded (anything after it is ignored), a syntax error means "not JSON" (shell
 * form), and a well-formed array holding anything but strings is an error of its own.
 */
final class JsonArray {
    /** Deeper nesting than this is treated as malformed, so hostile input cannot exhaust the stack. */
    private static final int MAX_DEPTH = 256;

    enum Status { STRINGS, NOT_STRINGS, MALFORMED }

    record Result(Status status, List<Token> elements) {
    }

    private static final Result MALFORMED = new Result(Status.MALFORMED, List.of());

    private final String s;
    private int i;

    private JsonArray(String s, int from) {
        this.s = s;
        this.i = from;
    }

    static Result parse(String s, int from) {
        if (from >= s.length() || s.charAt(from) != '[') {
            return MALFORMED;
        }
        return new JsonArray(s, from).top();
    }

    private Result top() {
        List<Token> elements = new ArrayList<>();
        boolean onlyStrings = true;
        i++;
        skipWhitespace();
        if (peek() == ']') {
            return new Result(Status.STRINGS, elements);
        }
        while (true) {
            skipWhitespace();
            if (peek() == '"') {
                int start = i;
                String value = string();
                if (value == null) {
                    return MALFORMED;
                }
                elements.add(new Token(value, start));
            } else {
                onlyStrings = false;
                if (!value(1)) {
                    return MALFORMED;
                }
            }
            skipWhitespace();
            char c = peek();
            i++;
            if (c == ']') {
                return new Result(onlyStrings ? Status.STRINGS : Status.NOT_STRINGS, elements);
            }
            if (c != ',') {
                return MALFORMED;
            }
        }
    }

    private boolean value(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        skipWhitespace();
        char c = peek();
        return switch (c) {
            case '"' -> string() != null;
            case '[' -> container(depth, ']');
            case '{' -> container(depth, '}');
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        };
    }

    private boolean container(int depth, char close) {
        i++;
        skipWhitespace();
        if (peek() == close) {
            i++;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (close == '}') {
                if (peek() != '"' || string() == null) {
                    return false;
                }
                skipWhitespace();
                if (peek() != ':') {
                    return false;
                }
                i++;
            }
            if (!value(depth + 1)) {
                return false;
            }
            skipWhitespace();
            char c = peek();
            i++;
            if (c == close) {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    /** A JSON string at i (which is a quote), decoded, or null when malformed. */
    private String string() {
        StringBuilder out = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= s.length()) {
                return null;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = hex4();
                    if (code < 0) {
                        return null;
                    }
                    out.append((char) code);
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private int hex4() {
        if (i + 4 > s.length()) {
            return -1;
        }
        int code = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(s.charAt(i++), 16);
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }

    private boolean literal(String word) {
        if (!s.startsWith(word, i)) {
            return false;
        }
        i += word.length();
        return true;
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private boolean number() {
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            i++;
            if (!digits()) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            return digits();
        }
        return true;
    }

    private boolean digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > start;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private void skipWhitespace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }
}
