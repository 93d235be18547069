package dev.plimsoll.analyzer.lang.rust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of TOML 1.0 that Cargo writes: tables and arrays of tables with bare, quoted and dotted keys; basic,
 * literal and multi-line strings; integers, booleans, arrays and inline tables; comments. Floats and dates, which no
 * Cargo lockfile holds, are refused as UNSUPPORTED rather than misread. Every value remembers its line. Bounded:
 * {@link #MAX_VALUES} values and {@link #MAX_DEPTH} levels of nested arrays and inline tables.
 */
final class Toml {
    static final int MAX_VALUES = 2_000_000;
    static final int MAX_DEPTH = 64;

    private Toml() {
    }

    sealed interface Value {
        int line();
    }

    record Str(String value, int line) implements Value {
    }

    record Int(long value, int line) implements Value {
    }

    record Bool(boolean value, int line) implements Value {
    }

    record Array(List<Value> values, int line) implements Value {
    }

    /** A table: explicit ([name]), implicit (a prefix of one), an element of an array of tables, or inline. */
    static final class Table implements Value {
        private final Map<String, Value> entries = new LinkedHashMap<>();
        private final int line;
        private boolean explicit;
        private final boolean sealed;

        Table(int line, boolean explicit, boolean sealed) {
            this.line = line;
            this.explicit = explicit;
            this.sealed = sealed;
        }

        @Override
        public int line() {
            return line;
        }

        Map<String, Value> entries() {
            return entries;
        }

        Optional<Value> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        Optional<String> string(String key) {
            return get(key).filter(v -> v instanceof Str).map(v -> ((Str) v).value());
        }
    }

    /** Arrays of tables are kept apart from value arrays: TOML forbids appending to a static array. */
    record TableArray(List<Table> tables, int line) implements Value {
    }

    static Table parse(String text) throws TomlException {
        return new Parser(text).document();
    }

    private static final class Parser {
        private final String s;
        private int pos;
        private int line = 1;
        private int values;

        Parser(String text) {
            this.s = Objects.requireNonNull(text);
        }

        Table document() throws TomlException {
            Table root = new Table(1, true, false);
            Table current = root;
            while (true) {
                skipBlankLines();
                if (pos >= s.length()) {
                    return root;
                }
                if (s.charAt(pos) == '[') {
                    current = header(root);
                } else {
                    keyValue(current);
                }
                endOfLine();
            }
        }

        private Table header(Table root) throws TomlException {
            int at = line;
            boolean arrayTable = s.startsWith("[[", pos);
            pos += arrayTable ? 2 : 1;
            skipSpaces();
            List<String> key = key();
            skipSpaces();
            String close = arrayTable ? "]]" : "]";
            if (!s.startsWith(close, pos)) {
                throw TomlException.malformed(line, "a table header not closed by " + close);
            }
            pos += close.length();
            Table parent = root;
            for (int i = 0; i < key.size() - 1; i++) {
                parent = descend(parent, key.get(i), at);
            }
            String last = key.get(key.size() - 1);
            Value existing = parent.entries.get(last);
            count();
            if (arrayTable) {
                if (existing == null) {
                    existing = new TableArray(new ArrayList<>(), at);
                    parent.entries.put(last, existing);
                }
                if (!(existing instanceof TableArray array)) {
                    throw TomlException.malformed(at, "[[" + String.join(".", key) + "]] names a key already defined");
                }
                Table table = new Table(at, true, false);
                array.tables().add(table);
                return table;
            }
            if (existing == null) {
                Table table = new Table(at, true, false);
                parent.entries.put(last, table);
                return table;
            }
            if (existing instanceof Table table && !table.explicit && !table.sealed) {
                table.explicit = true;
                return table;
            }
            throw TomlException.malformed(at, "[" + String.join(".", key) + "] defined twice");
        }

        /** The table under {@code key}, made implicitly if missing; the last table of an array of tables. */
        private Table descend(Table parent, String key, int at) throws TomlException {
            Value v = parent.entries.get(key);
            if (v == null) {
                count();
                Table t = new Table(at, false, false);
                parent.entries.put(key, t);
                return t;
            }
            if (v instanceof Table t && !t.sealed) {
                return t;
            }
            if (v instanceof TableArray a && !a.tables().isEmpty()) {
                return a.tables().get(a.tables().size() - 1);
            }
            throw TomlException.malformed(at, "key " + quote(key) + " is not a table");
        }

        private void keyValue(Table table) throws TomlException {
            int at = line;
            List<String> key = key();
            skipSpaces();
            if (pos >= s.length() || s.charAt(pos) != '=') {
                throw TomlException.malformed(line, "expected '=' after a key");
            }
            pos++;
            skipSpaces();
            Value value = value(0);
            Table target = table;
            for (int i = 0; i < key.size() - 1; i++) {
                target = descend(target, key.get(i), at);
            }
            String last = key.get(key.size() - 1);
            if (target.entries.containsKey(last)) {
                throw TomlException.malformed(at, "key " + quote(last) + " defined twice");
            }
            target.entries.put(last, value);
        }

        private List<String> key() throws TomlException {
            List<String> parts = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (pos >= s.length()) {
                    throw TomlException.malformed(line, "a key expected at the end of the file");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    parts.add(basicString());
                } else if (c == '\'') {
                    parts.add(literalString());
                } else {
                    int start = pos;
                    while (pos < s.length() && isBareKeyChar(s.charAt(pos))) {
                        pos++;
                    }
                    if (start == pos) {
                        throw TomlException.malformed(line, "a key expected, found " + describe(c));
                    }
                    parts.add(s.substring(start, pos));
                }
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == '.') {
                    pos++;
                } else {
                    return parts;
                }
            }
        }

        private static boolean isBareKeyChar(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }

        private Value value(int depth) throws TomlException {
            if (depth > MAX_DEPTH) {
                throw TomlException.limit(line, "values nested more than " + MAX_DEPTH + " deep");
            }
            count();
            int at = line;
            if (pos >= s.length()) {
                throw TomlException.malformed(line, "a value expected at the end of the file");
            }
            char c = s.charAt(pos);
            if (s.startsWith("\"\"\"", pos)) {
                return new Str(multiLineBasicString(), at);
            }
            if (s.startsWith("'''", pos)) {
                return new Str(multiLineLiteralString(), at);
            }
            if (c == '"') {
                return new Str(basicString(), at);
            }
            if (c == '\'') {
                return new Str(literalString(), at);
            }
            if (c == '[') {
                return array(depth);
            }
            if (c == '{') {
                return inlineTable(depth);
            }
            int start = pos;
            while (pos < s.length() && isBareValueChar(s.charAt(pos))) {
                pos++;
            }
            String bare = s.substring(start, pos);
            if (bare.equals("true") || bare.equals("false")) {
                return new Bool(bare.equals("true"), at);
            }
            if (bare.matches("[+-]?(0|[1-9](_?[0-9])*)")) {
                try {
                    return new Int(Long.parseLong(bare.replace("_", "")), at);
                } catch (NumberFormatException e) {
                    throw TomlException.malformed(at, "an integer beyond 64 bits");
                }
            }
            if (bare.isEmpty()) {
                throw TomlException.malformed(at, "a value expected, found " + describe(c));
            }
            throw TomlException.unsupported(at, "a value that is not a string, integer, boolean, array or table: "
                    + quote(bare));
        }

        private static boolean isBareValueChar(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '+' || c == '.' || c == ':';
        }

        private Array array(int depth) throws TomlException {
            int at = line;
            pos++;
            List<Value> elements = new ArrayList<>();
            while (true) {
                skipBlankLines();
                if (pos >= s.length()) {
                    throw TomlException.malformed(at, "an array not closed");
                }
                if (s.charAt(pos) == ']') {
                    pos++;
                    return new Array(elements, at);
                }
                elements.add(value(depth + 1));
                skipBlankLines();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos >= s.length() || s.charAt(pos) != ']') {
                    throw TomlException.malformed(line, "expected ',' or ']' in an array");
                }
            }
        }

        private Table inlineTable(int depth) throws TomlException {
            int at = line;
            pos++;
            Table table = new Table(at, true, true);
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return table;
            }
            while (true) {
                List<String> key = key();
                skipSpaces();
                if (pos >= s.length() || s.charAt(pos) != '=') {
                    throw TomlException.malformed(line, "expected '=' after a key in an inline table");
                }
                pos++;
                skipSpaces();
                Value value = value(depth + 1);
                Table target = table;
                for (int i = 0; i < key.size() - 1; i++) {
                    Value v = target.entries.get(key.get(i));
                    if (v == null) {
                        Table t = new Table(at, false, false);
                        target.entries.put(key.get(i), t);
                        target = t;
                    } else if (v instanceof Table t && !t.sealed) {
                        target = t;
                    } else {
                        throw TomlException.malformed(at, "key " + quote(key.get(i)) + " is not a table");
                    }
                }
                String last = key.get(key.size() - 1);
                if (target.entries.putIfAbsent(last, value) != null) {
                    throw TomlException.malformed(at, "key " + quote(last) + " defined twice");
                }
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    skipSpaces();
                } else if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return table;
                } else {
                    throw TomlException.malformed(line, "expected ',' or '}' in an inline table");
                }
            }
        }

        private String basicString() throws TomlException {
            pos++;
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\n') {
                    break;
                }
                if (c == '\\') {
                    escape(out);
                } else {
                    out.append(c);
                }
            }
            throw TomlException.malformed(line, "a string not closed on its line");
        }

        private String literalString() throws TomlException {
            int end = s.indexOf('\'', pos + 1);
            int newline = s.indexOf('\n', pos + 1);
            if (end < 0 || newline >= 0 && newline < end) {
                throw TomlException.malformed(line, "a literal string not closed on its line");
            }
            String value = s.substring(pos + 1, end);
            pos = end + 1;
            return value;
        }

        private String multiLineBasicString() throws TomlException {
            int at = line;
            pos += 3;
            skipFirstNewline();
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                if (s.startsWith("\"\"\"", pos)) {
                    pos += 3;
                    // Up to two quotes may end the content right before the delimiter.
                    for (int extra = 0; extra < 2 && pos < s.length() && s.charAt(pos) == '"'; extra++) {
                        out.append('"');
                        pos++;
                    }
                    return out.toString();
                }
                char c = s.charAt(pos++);
                if (c == '\n') {
                    line++;
                    out.append(c);
                } else if (c == '\\') {
                    int save = pos;
                    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t'
                            || s.charAt(pos) == '\r')) {
                        pos++;
                    }
                    if (pos < s.length() && s.charAt(pos) == '\n') {
                        // A line-ending backslash trims the newline and the whitespace after it.
                        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                            if (s.charAt(pos) == '\n') {
                                line++;
                            }
                            pos++;
                        }
                    } else {
                        pos = save;
                        escape(out);
                    }
                } else {
                    out.append(c);
                }
            }
            throw TomlException.malformed(at, "a multi-line string not closed");
        }

        private String multiLineLiteralString() throws TomlException {
            int at = line;
            pos += 3;
            skipFirstNewline();
            int end = s.indexOf("'''", pos);
            if (end < 0) {
                throw TomlException.malformed(at, "a multi-line literal string not closed");
            }
            for (int extra = 0; extra < 2 && end + 3 < s.length() && s.charAt(end + 3) == '\''; extra++) {
                end++;
            }
            String value = s.substring(pos, end);
            line += (int) value.chars().filter(ch -> ch == '\n').count();
            pos = end + 3;
            return value;
        }

        private void skipFirstNewline() {
            if (s.startsWith("\r\n", pos)) {
                pos += 2;
                line++;
            } else if (s.startsWith("\n", pos)) {
                pos++;
                line++;
            }
        }

        private void escape(StringBuilder out) throws TomlException {
            if (pos >= s.length()) {
                throw TomlException.malformed(line, "a string ends inside an escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case 'e' -> out.append('\u001b');
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'u' -> unicode(4, out);
                case 'U' -> unicode(8, out);
                default -> throw TomlException.malformed(line, "an unknown escape " + describe(e) + " in a string");
            }
        }

        private void unicode(int digits, StringBuilder out) throws TomlException {
            if (pos + digits > s.length()) {
                throw TomlException.malformed(line, "a string ends inside a unicode escape");
            }
            String hex = s.substring(pos, pos + digits);
            if (!hex.matches("[0-9A-Fa-f]+")) {
                throw TomlException.malformed(line, "a malformed unicode escape in a string");
            }
            int code = Integer.parseUnsignedInt(hex, 16);
            if (!Character.isValidCodePoint(code) || code >= 0xd800 && code <= 0xdfff) {
                throw TomlException.malformed(line, "a unicode escape that is not a scalar value");
            }
            out.appendCodePoint(code);
            pos += digits;
        }

        private void skipSpaces() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        /** Whitespace, newlines and comments. */
        private void skipBlankLines() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\r') {
                    pos++;
                } else if (c == '\n') {
                    pos++;
                    line++;
                } else if (c == '#') {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }

        /** After a header or key/value: spaces, a comment, then a newline or the end. */
        private void endOfLine() throws TomlException {
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            }
            if (pos < s.length() && s.charAt(pos) == '\r') {
                pos++;
            }
            if (pos < s.length()) {
                if (s.charAt(pos) != '\n') {
                    throw TomlException.malformed(line, "unexpected " + describe(s.charAt(pos))
                            + " after a value");
                }
                pos++;
                line++;
            }
        }

        private void count() throws TomlException {
            if (++values > MAX_VALUES) {
                throw TomlException.limit(line, "more than " + MAX_VALUES + " values");
            }
        }

        private static String describe(char c) {
            return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        }

        private static String quote(String s) {
            return "\"" + dev.plimsoll.core.analysis.UntrustedText.excerpt(s) + "\"";
        }
    }
}
