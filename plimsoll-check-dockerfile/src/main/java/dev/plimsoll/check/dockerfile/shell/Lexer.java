package dev.plimsoll.check.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into tokens following POSIX token recognition (XCU 2.3), in one pass over the characters: words
 * with their quoting, escapes, expansions and substitutions, the operators, newlines, and here-document bodies read at
 * the newline that ends their line. Command substitutions are handed to a nested {@link Parser}, which is what finds
 * their closing parenthesis exactly ({@code case} patterns contain unbalanced ones). Reserved words are the parser's
 * business: the lexer only produces words. Inside bash's {@code [[ ]]} operators are ordinary words.
 */
final class Lexer {
    enum Kind { WORD, NEWLINE, EOF, AND_IF, OR_IF, SEMI, DSEMI, AMP, PIPE, PIPE_AMP, LPAREN, RPAREN, REDIRECT }

    /**
     * A token. For words, {@code word} is set and {@code assignEq}/{@code nameEnd} locate the {@code =} and the end of
     * the name of an assignment-shaped word (else -1); {@code hereDoc} is set for here-doc delimiter words. For
     * redirections, {@code text} is the operator and {@code fd} the explicit descriptor (-1 if none).
     */
    record Token(Kind kind, int start, int end, String text, Word word, int assignEq, int nameEnd, int fd,
            HereDoc hereDoc) {
        static Token of(Kind kind, int start, int end, String text) {
            return new Token(kind, start, end, text, null, -1, -1, -1, null);
        }
    }

    private final ParseContext ctx;
    private final String s;
    private final int end;
    /** BuildKit already removed backslash-newline everywhere, inside quotes and comments too. */
    private final boolean joined;
    private int pos;
    private boolean testMode;
    private final List<Token> lookahead = new ArrayList<>(3);
    private final List<HereDoc> pendingHereDocs = new ArrayList<>(1);
    /** 0: no here-doc operator just lexed; 1: after {@code <<}; 2: after {@code <<-}. */
    private int hereDocOperator;

    Lexer(ParseContext ctx, int offset) {
        this.ctx = ctx;
        this.s = ctx.text;
        this.end = s.length();
        this.joined = ctx.source.dockerfileContinuations();
        this.pos = offset;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int k) {
        while (lookahead.size() <= k) {
            lookahead.add(lex());
        }
        return lookahead.get(k);
    }

    Token next() {
        return lookahead.isEmpty() ? lex() : lookahead.remove(0);
    }

    /** Forgets the lookahead and continues lexing at {@code offset} (for {@code ((} after two {@code (} tokens). */
    void reset(int offset) {
        lookahead.clear();
        pos = offset;
    }

    /** Switches {@code [[ ]]} mode; lexing restarts at the first token not yet consumed. */
    void testMode(boolean on) {
        if (!lookahead.isEmpty()) {
            reset(lookahead.get(0).start());
        }
        testMode = on;
    }

    /**
     * Reads {@code ((…))} starting at {@code offset} and returns the offset after it, or -1 when the parentheses do
     * not close as {@code ))} (then it was a subshell in a subshell).
     */
    int scanDoubleParen(int offset) {
        int close = scanArithmetic(offset + 2);
        if (close > 0) {
            reset(close);
        }
        return close;
    }

    private Token lex() {
        if (!ctx.step(pos) || ctx.aborted()) {
            return Token.of(Kind.EOF, end, end, "");
        }
        skipBlanks();
        if (pos >= end) {
            if (!pendingHereDocs.isEmpty()) {
                readHereDocs();
            }
            return Token.of(Kind.EOF, end, end, "");
        }
        int start = pos;
        char c = s.charAt(pos);
        if (c == '\n') {
            pos++;
            readHereDocs();
            return Token.of(Kind.NEWLINE, start, pos, "\n");
        }
        if (testMode) {
            if (c == ';') {
                return operator(start);
            }
            return word();
        }
        if (c == '<' || c == '>') {
            if (at(pos + 1) == '(') {
                return word();
            }
            return redirect(start, -1);
        }
        if (c >= '0' && c <= '9') {
            int j = pos;
            while (j < end && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            if (j < end && (s.charAt(j) == '<' || s.charAt(j) == '>') && at(j + 1) != '(' && j - pos <= 9) {
                int fd = Integer.parseInt(s, pos, j, 10);
                pos = j;
                return redirect(start, fd);
            }
            return word();
        }
        if (c == '&' || c == '|' || c == ';' || c == '(' || c == ')') {
            return operator(start);
        }
        return word();
    }

    private char at(int index) {
        return index < end ? s.charAt(index) : '\0';
    }

    /**
     * The length of the line continuation starting with the backslash at {@code i}, or 0. BuildKit also accepts
     * blanks between the backslash and the end of the line, so in Dockerfile text those belong to it too.
     */
    private int continuation(int i) {
        int j = i + 1;
        if (joined) {
            while (j < end && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
        }
        if (j < end && s.charAt(j) == '\r') {
            j++;
        }
        return j < end && s.charAt(j) == '\n' ? j + 1 - i : 0;
    }

    private void skipBlanks() {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && continuation(pos) > 0) {
                pos += continuation(pos);
            } else if (c == '#') {
                int newline = s.indexOf('\n', pos);
                while (joined && newline > 0 && endsWithContinuation(pos, newline)) {
                    // `foo # note \` continues the comment onto the next Dockerfile line
                    newline = s.indexOf('\n', newline + 1);
                }
                pos = newline < 0 ? end : newline;
            } else {
                return;
            }
        }
    }

    /** Whether the text between {@code from} and the newline at {@code newline} ends with a continuation. */
    private boolean endsWithContinuation(int from, int newline) {
        int i = newline - 1;
        while (i >= from && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
            i--;
        }
        return i >= from && s.charAt(i) == '\\';
    }

    private Token operator(int start) {
        char c = s.charAt(pos);
        char n = at(pos + 1);
        switch (c) {
            case '&' -> {
                if (n == '&') {
                    return op(Kind.AND_IF, start, 2);
                }
                if (n == '>') {
                    return redirect(start, -1);
                }
                return op(Kind.AMP, start, 1);
            }
            case '|' -> {
                if (n == '|') {
                    return op(Kind.OR_IF, start, 2);
                }
                return n == '&' ? op(Kind.PIPE_AMP, start, 2) : op(Kind.PIPE, start, 1);
            }
            case ';' -> {
                if (n == ';') {
                    return op(Kind.DSEMI, start, at(pos + 2) == '&' ? 3 : 2);
                }
                return n == '&' ? op(Kind.DSEMI, start, 2) : op(Kind.SEMI, start, 1);
            }
            case '(' -> {
                return op(Kind.LPAREN, start, 1);
            }
            default -> {
                return op(Kind.RPAREN, start, 1);
            }
        }
    }

    private Token op(Kind kind, int start, int length) {
        pos = start + length;
        return Token.of(kind, start, pos, s.substring(start, pos));
    }

    /** A redirection operator at {@code pos} (after any descriptor number). */
    private Token redirect(int start, int fd) {
        int from = pos;
        char c = s.charAt(pos);
        char n = at(pos + 1);
        int length;
        if (c == '&') {
            length = at(pos + 2) == '>' ? 3 : 2;
        } else if (c == '<') {
            if (n == '<') {
                char n2 = at(pos + 2);
                if (n2 == '<') {
                    length = 3;
                } else if (n2 == '-') {
                    length = 3;
                    hereDocOperator = 2;
                } else {
                    length = 2;
                    hereDocOperator = 1;
                }
            } else {
                length = n == '&' || n == '>' ? 2 : 1;
            }
        } else {
            length = n == '>' || n == '&' || n == '|' ? 2 : 1;
        }
        pos = from + length;
        return new Token(Kind.REDIRECT, start, pos, s.substring(from, pos), null, -1, -1, fd, null);
    }

    /** State of the word being lexed. */
    private final class WordState {
        final int start;
        final StringBuilder value = new StringBuilder();
        boolean expansion;
        boolean quoted;
        List<ShellScript> substitutions;

        WordState(int start) {
            this.start = start;
        }

        void substitution(ShellScript script) {
            if (substitutions == null) {
                substitutions = new ArrayList<>(1);
            }
            substitutions.add(script);
            expansion = true;
        }
    }

    private Token word() {
        WordState w = new WordState(pos);
        int assignEq = -1;
        int nameEnd = -1;
        boolean name = true;
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                break;
            }
            if (testMode) {
                if (c == ';') {
                    break;
                }
                if (pos == w.start && c == ']' && at(pos + 1) == ']') {
                    pos += 2;
                    w.value.append("]]");
                    break;
                }
            } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>') {
                if ((c == '<' || c == '>') && pos == w.start && at(pos + 1) == '(') {
                    // bash process substitution <(…) / >(…)
                    ParseContext.Substitution sub = ctx.substitution(pos + 2);
                    w.value.append(s, pos, sub.end());
                    w.substitution(sub.script());
                    pos = sub.end();
                    continue;
                }
                if (c == '(' && assignEq >= 0 && pos == w.start + assignEq + 1) {
                    // bash array assignment a=(x y)
                    int close = scanParens(pos);
                    w.value.append(s, pos, close);
                    pos = close;
                    continue;
                }
                break;
            }
            if (name && assignEq < 0) {
                if (c == '=' && pos > w.start) {
                    assignEq = pos - w.start;
                    nameEnd = assignEq;
                } else if (c == '+' && at(pos + 1) == '=' && pos > w.start) {
                    assignEq = pos + 1 - w.start;
                    nameEnd = pos - w.start;
                    w.value.append("+=");
                    pos += 2;
                    continue;
                } else if (!(Options.isNameStart(c) || pos > w.start && c >= '0' && c <= '9')) {
                    name = false;
                }
            }
            switch (c) {
                case '\\' -> backslash(w);
                case '\'' -> singleQuoted(w);
                case '"' -> doubleQuoted(w);
                case '$' -> dollar(w, false);
                case '`' -> backtick(w);
                default -> {
                    w.value.append(c);
                    pos++;
                }
            }
        }
        if (pos == w.start) {
            // cannot happen for the characters that reach here, but never return an empty token that does not advance
            pos++;
            w.value.append(s.charAt(w.start));
        }
        Word word = new Word(s.substring(w.start, pos), w.value.toString(), w.expansion, w.quoted,
                ctx.position(w.start), w.substitutions == null ? List.of() : w.substitutions);
        HereDoc hereDoc = null;
        if (hereDocOperator != 0) {
            hereDoc = new HereDoc(word.value(), word.quoted(), hereDocOperator == 2, word.position());
            pendingHereDocs.add(hereDoc);
            hereDocOperator = 0;
        }
        return new Token(Kind.WORD, w.start, pos, word.raw(), word, assignEq, nameEnd, -1, hereDoc);
    }

    private void backslash(WordState w) {
        char n = at(pos + 1);
        int continuation = continuation(pos);
        if (continuation > 0) {
            pos += continuation;
        } else if (pos + 1 < end) {
            w.value.append(n);
            w.quoted = true;
            pos += 2;
        } else {
            w.value.append('\\');
            pos++;
        }
    }

    private void singleQuoted(WordState w) {
        w.quoted = true;
        int close = s.indexOf('\'', pos + 1);
        if (close < 0) {
            ctx.problem("unterminated single quote", pos);
            close = end;
        }
        if (joined) {
            for (int i = pos + 1; i < close; i++) {
                char c = s.charAt(i);
                int continuation = c == '\\' ? continuation(i) : 0;
                if (continuation > 0) {
                    i += continuation - 1;
                } else {
                    w.value.append(c);
                }
            }
        } else {
            w.value.append(s, pos + 1, close);
        }
        pos = Math.min(close + 1, end);
    }

    private void doubleQuoted(WordState w) {
        int open = pos;
        w.quoted = true;
        pos++;
        while (pos < end) {
            char c = s.charAt(pos);
            switch (c) {
                case '"' -> {
                    pos++;
                    return;
                }
                case '\\' -> {
                    char n = at(pos + 1);
                    int continuation = continuation(pos);
                    if (continuation > 0) {
                        pos += continuation;
                    } else if (n == '$' || n == '`' || n == '"' || n == '\\') {
                        w.value.append(n);
                        pos += 2;
                    } else {
                        w.value.append('\\');
                        pos++;
                    }
                }
                case '$' -> dollar(w, true);
                case '`' -> backtick(w);
                default -> {
                    w.value.append(c);
                    pos++;
                }
            }
        }
        ctx.problem("unterminated double quote", open);
    }

    private void dollar(WordState w, boolean inDoubleQuotes) {
        int d = pos;
        char n = at(d + 1);
        if (n == '{') {
            int close = scanBraces(d + 1);
            w.value.append(s, d, close);
            w.expansion = true;
            pos = close;
        } else if (n == '(') {
            if (at(d + 2) == '(') {
                int close = scanArithmetic(d + 3);
                if (close > 0) {
                    w.value.append(s, d, close);
                    w.expansion = true;
                    pos = close;
                    return;
                }
            }
            ParseContext.Substitution sub = ctx.substitution(d + 2);
            w.value.append(s, d, sub.end());
            w.substitution(sub.script());
            pos = sub.end();
        } else if (n == '\'' && !inDoubleQuotes) {
            ansiC(w);
        } else if (n == '"' && !inDoubleQuotes) {
            // $"…" (locale translation) is a double-quoted string
            pos = d + 1;
        } else if (Options.isNameStart(n)) {
            int j = d + 1;
            while (j < end && Options.isNameChar(s.charAt(j))) {
                j++;
            }
            w.value.append(s, d, j);
            w.expansion = true;
            pos = j;
        } else if (n >= '0' && n <= '9' || n == '@' || n == '*' || n == '#' || n == '?' || n == '-' || n == '$'
                || n == '!') {
            w.value.append(s, d, d + 2);
            w.expansion = true;
            pos = d + 2;
        } else {
            w.value.append('$');
            pos = d + 1;
        }
    }

    /** {@code $'…'}: bash's C-style string; the value gets the escapes decoded. */
    private void ansiC(WordState w) {
        w.quoted = true;
        int i = pos + 2;
        while (i < end && s.charAt(i) != '\'') {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char n = s.charAt(i + 1);
                switch (n) {
                    case 'n' -> w.value.append('\n');
                    case 't' -> w.value.append('\t');
                    case 'r' -> w.value.append('\r');
                    case 'a' -> w.value.append('\u0007');
                    case 'b' -> w.value.append('\b');
                    case 'e', 'E' -> w.value.append('\u001b');
                    case 'f' -> w.value.append('\f');
                    case 'v' -> w.value.append('\u000b');
                    case '\\', '\'', '"', '?' -> w.value.append(n);
                    default -> w.value.append('\\').append(n);
                }
                i += 2;
            } else {
                w.value.append(c);
                i++;
            }
        }
        if (i >= end) {
            ctx.problem("unterminated $' string", pos);
        }
        pos = Math.min(i + 1, end);
    }

    private void backtick(WordState w) {
        int open = pos;
        StringBuilder inner = new StringBuilder();
        int i = pos + 1;
        while (i < end && s.charAt(i) != '`') {
            char c = s.charAt(i);
            char n = at(i + 1);
            if (c == '\\' && (n == '$' || n == '`' || n == '\\' || n == '"')) {
                inner.append(n);
                i += 2;
            } else {
                inner.append(c);
                i++;
            }
        }
        if (i >= end) {
            ctx.problem("unterminated backquote", open);
        }
        pos = Math.min(i + 1, end);
        w.value.append(s, open, pos);
        w.substitution(ctx.embedded(inner.toString(), open + 1));
    }

    /** From a <code>{</code> at {@code open}, the offset after its matching <code>}</code>. */
    private int scanBraces(int open) {
        return scanBalanced(open, '{', '}', "unterminated ${", open - 1);
    }

    /** From just after {@code $((} (or {@code ((}), the offset after the closing {@code ))}, or -1. */
    private int scanArithmetic(int from) {
        int depth = 0;
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> i++;
                case '\'' -> {
                    int close = s.indexOf('\'', i + 1);
                    i = close < 0 ? end : close;
                }
                case '"' -> i = skipDoubleQuoted(i);
                case '(' -> depth++;
                case ')' -> {
                    if (depth == 0) {
                        return at(i + 1) == ')' ? i + 2 : -1;
                    }
                    depth--;
                }
                default -> {
                }
            }
            i++;
        }
        return -1;
    }

    /** From a {@code (} at {@code open}, the offset after its matching {@code )} (array assignments). */
    private int scanParens(int open) {
        return scanBalanced(open, '(', ')', "unterminated array", open);
    }

    /**
     * From an opening bracket at {@code open}, the offset after the bracket that closes it, skipping quoted text
     * and escapes; at the end of the input, a problem at {@code problemOffset}.
     */
    private int scanBalanced(int open, char opening, char closing, String problem, int problemOffset) {
        int depth = 0;
        int i = open;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                i = close < 0 ? end : close;
            } else if (c == '"') {
                i = skipDoubleQuoted(i);
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        ctx.problem(problem, problemOffset);
        return end;
    }

    /** From a {@code "} at {@code open}, the offset of its closing quote (or the end). */
    private int skipDoubleQuoted(int open) {
        int i = open + 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i;
            }
            i++;
        }
        return end;
    }

    /** Reads the bodies of the here-docs whose operators were on the line that just ended. */
    private void readHereDocs() {
        for (HereDoc hereDoc : pendingHereDocs) {
            int bodyStart = pos;
            StringBuilder body = new StringBuilder();
            boolean found = false;
            while (pos < end) {
                int newline = s.indexOf('\n', pos);
                int lineEnd = newline < 0 ? end : newline;
                int from = pos;
                if (hereDoc.stripTabs()) {
                    while (from < lineEnd && s.charAt(from) == '\t') {
                        from++;
                    }
                }
                int to = lineEnd > from && s.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
                pos = newline < 0 ? end : newline + 1;
                if (s.regionMatches(from, hereDoc.delimiter(), 0, hereDoc.delimiter().length())
                        && to - from == hereDoc.delimiter().length()) {
                    found = true;
                    break;
                }
                body.append(s, from, lineEnd).append('\n');
            }
            if (!found) {
                ctx.problem("here-document delimited by end of script (wanted " + hereDoc.delimiter() + ")",
                        bodyStart);
            }
            hereDoc.complete(body.toString(), ctx.position(bodyStart), found);
        }
        pendingHereDocs.clear();
    }
}
