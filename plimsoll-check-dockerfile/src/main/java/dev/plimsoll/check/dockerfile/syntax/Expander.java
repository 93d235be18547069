package dev.plimsoll.check.dockerfile.syntax;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * BuildKit's word processing for instruction arguments: quote removal, the escape character, and {@code $name},
 * {@code ${name}}, {@code ${name:-word}}, {@code ${name-word}}, {@code ${name:+word}}, {@code ${name+word}},
 * {@code ${name:?word}}, {@code ${name#glob}}, {@code ${name##glob}}, {@code ${name%glob}}, {@code ${name%%glob}}.
 * Each call works on its own state; an instance only holds settings.
 */
public final class Expander {
    /** Nested {@code ${a:-${b:-...}}} deeper than this is copied as written. */
    private static final int MAX_NESTING = 32;
    /** Pattern removal is quadratic; longer values are left as they are (and the result marked approximate). */
    private static final int MAX_PATTERN_SUBJECT = 4096;

    private final char escape;
    private final int maxLength;

    public Expander(char escape) {
        this(escape, ParserLimits.DEFAULT.maxExpansionLength());
    }

    Expander(char escape, int maxLength) {
        this.escape = escape;
        this.maxLength = maxLength;
    }

    public char escape() {
        return escape;
    }

    /**
     * Expands a word as an instruction argument: quotes removed, escapes resolved, variables looked up ({@code
     * lookup} returns empty for a variable without a known value, which then counts as unset).
     */
    public Expansion expandWord(String word, Function<String, Optional<String>> lookup) {
        Run run = new Run(word, lookup, true, true);
        run.process((char) 0, 0);
        return run.result();
    }

    /** Expands a heredoc body: only {@code $} references and an escaped {@code $} are special; quotes stay. */
    public Expansion expandHeredoc(String text, Function<String, Optional<String>> lookup) {
        Run run = new Run(text, lookup, true, false);
        run.process((char) 0, 0);
        return run.result();
    }

    /** Quote and escape removal only; {@code $} references stay as written. */
    public String unquote(String word) {
        Run run = new Run(word, name -> Optional.empty(), false, true);
        run.process((char) 0, 0);
        return run.out.toString();
    }

    private final class Run {
        private final String s;
        private final Function<String, Optional<String>> lookup;
        private final boolean expand;
        private final boolean quotes;
        private final StringBuilder out = new StringBuilder();
        private final Set<String> unresolved = new LinkedHashSet<>();
        private boolean approximate;
        private int i;

        Run(String s, Function<String, Optional<String>> lookup, boolean expand, boolean quotes) {
            this.s = s;
            this.lookup = lookup;
            this.expand = expand;
            this.quotes = quotes;
        }

        Expansion result() {
            String value = out.toString();
            if (value.length() > maxLength) {
                value = value.substring(0, maxLength);
                approximate = true;
            }
            return new Expansion(value, unresolved.stream().toList(), approximate);
        }

        /** Appends to {@code out} until {@code stop} (unquoted) or the end; consumes the stop character. */
        void process(char stop, int depth) {
            while (i < s.length()) {
                if (out.length() > maxLength) {
                    approximate = true;
                    i = s.length();
                    return;
                }
                char c = s.charAt(i);
                if (stop != 0 && c == stop) {
                    i++;
                    return;
                }
                if (c == escape) {
                    if (i + 1 < s.length()) {
                        char next = s.charAt(i + 1);
                        if (quotes || next == '$' || next == escape) {
                            out.append(next);
                        } else {
                            out.append(c).append(next);
                        }
                    }
                    i += 2;
                } else if (quotes && c == '\'') {
                    int close = s.indexOf('\'', i + 1);
                    int end = close < 0 ? s.length() : close;
                    out.append(s, i + 1, end);
                    i = close < 0 ? s.length() : close + 1;
                } else if (quotes && c == '"') {
                    i++;
                    doubleQuoted(depth);
                } else if (c == '$') {
                    dollar(depth);
                } else {
                    out.append(c);
                    i++;
                }
            }
        }

        private void doubleQuoted(int depth) {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    return;
                }
                if (c == escape && i + 1 < s.length()) {
                    char next = s.charAt(i + 1);
                    // Only these can be escaped inside double quotes; any other escape character stays.
                    if (next == '"' || next == '$' || next == escape) {
                        out.append(next);
                        i += 2;
                        continue;
                    }
                }
                if (c == '$') {
                    dollar(depth);
                } else {
                    out.append(c);
                    i++;
                }
            }
        }

        private void dollar(int depth) {
            int start = i;
            i++;
            if (!expand || i >= s.length()) {
                out.append('$');
                return;
            }
            char c = s.charAt(i);
            if (c != '{') {
                int nameEnd = nameEnd(i);
                if (nameEnd == i) {
                    out.append('$');
                    return;
                }
                String name = s.substring(i, nameEnd);
                i = nameEnd;
                out.append(value(name).orElse(""));
                return;
            }
            i++;
            int nameEnd = nameEnd(i);
            if (nameEnd == i || nameEnd >= s.length() || depth >= MAX_NESTING) {
                copyUnsupported(start);
                return;
            }
            String name = s.substring(i, nameEnd);
            i = nameEnd;
            char op = s.charAt(i);
            if (op == '}') {
                i++;
                out.append(value(name).orElse(""));
                return;
            }
            boolean colon = op == ':';
            if (colon) {
                i++;
                op = i < s.length() ? s.charAt(i) : 0;
            }
            boolean doubled = !colon && (op == '#' || op == '%') && i + 1 < s.length() && s.charAt(i + 1) == op;
            if (op == '-' || op == '+' || op == '?' || (!colon && (op == '#' || op == '%'))) {
                i += doubled ? 2 : 1;
                String word = nested(depth);
                // A default that stands in for an unknown value is what a build without --build-arg uses, so the
                // variable does not count as unresolved then.
                Optional<String> value = op == '-' ? lookup.apply(name) : value(name);
                boolean set = value.isPresent() && (!colon || !value.get().isEmpty());
                switch (op) {
                    case '-' -> out.append(set ? value.get() : word);
                    case '+' -> out.append(set ? word : "");
                    case '?' -> out.append(value.orElse(""));
                    default -> out.append(removePattern(value.orElse(""), word, op == '#', doubled));
                }
                return;
            }
            copyUnsupported(start);
        }

        /** The word inside {@code ${name:-word}}, processed with the same rules, up to the closing brace. */
        private String nested(int depth) {
            int mark = out.length();
            process('}', depth + 1);
            String word = out.substring(mark);
            out.setLength(mark);
            return word;
        }

        /** Syntax this expander does not evaluate (substitution, lengths, ...): copy it and say so. */
        private void copyUnsupported(int start) {
            int close = s.indexOf('}', start);
            int end = close < 0 ? s.length() : close + 1;
            out.append(s, start, end);
            i = end;
            approximate = true;
        }

        private Optional<String> value(String name) {
            Optional<String> value = lookup.apply(name);
            if (value.isEmpty()) {
                unresolved.add(name);
            }
            return value;
        }

        private int nameEnd(int from) {
            int end = from;
            while (end < s.length() && Chars.isNameChar(s.charAt(end))) {
                end++;
            }
            return end;
        }

        private String removePattern(String value, String pattern, boolean prefix, boolean longest) {
            if (value.length() > MAX_PATTERN_SUBJECT) {
                approximate = true;
                return value;
            }
            int n = value.length();
            for (int k = 0; k <= n; k++) {
                int length = longest ? n - k : k;
                String part = prefix ? value.substring(0, length) : value.substring(n - length);
                if (Glob.matches(pattern, part)) {
                    return prefix ? value.substring(length) : value.substring(0, n - length);
                }
            }
            return value;
        }
    }
}
