package dev.plimsoll.check.dockerfile.shell;

import dev.plimsoll.check.dockerfile.shell.Lexer.Kind;
import dev.plimsoll.check.dockerfile.shell.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Recursive-descent parser for the POSIX shell grammar (XCU 2.10) plus the bash forms Dockerfiles use. On anything
 * unexpected it records a {@link ParseProblem}, skips a token and goes on, so it always returns what it understood.
 * Every loop either consumes a token or stops; nesting is bounded by {@link ParseContext#MAX_DEPTH}.
 */
final class Parser {
    private static final Set<String> NONE = Set.of();
    private static final Set<String> THEN = Set.of("then");
    private static final Set<String> BRANCH_END = Set.of("elif", "else", "fi");
    private static final Set<String> FI = Set.of("fi");
    private static final Set<String> DO = Set.of("do");
    private static final Set<String> DONE = Set.of("done");
    private static final Set<String> ESAC = Set.of("esac");
    private static final Set<String> CLOSE_BRACE = Set.of("}");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh");
    private static final Set<String> SU_VALUE_OPTIONS = Set.of("-c", "--command", "-s", "--shell", "-g", "--group",
            "-G", "--supp-group", "-w", "--whitelist-environment");

    private final ParseContext ctx;
    private final Lexer lexer;
    private int nesting;

    Parser(ParseContext ctx, int offset) {
        this.ctx = ctx;
        this.lexer = new Lexer(ctx, offset);
    }

    /** A whole script; its problems are the context's. */
    ShellScript parseScript() {
        return parseBody(ctx.problems);
    }

    /** A whole text, with {@code problems} as the script's own list (empty for embedded scripts). */
    ShellScript parseBody(List<ParseProblem> problems) {
        List<AndOrList> body = new ArrayList<>();
        while (true) {
            body.addAll(compoundList(NONE, false, false));
            Token t = lexer.peek();
            if (t.kind() == Kind.EOF) {
                break;
            }
            ctx.problem("unexpected '" + t.text() + "'", t.start());
            lexer.next();
        }
        return new ShellScript(body, problems, ctx.source);
    }

    /** The body of {@code $(…)} up to and including its closing parenthesis. */
    ParseContext.Substitution parseSubstitution() {
        List<AndOrList> body = new ArrayList<>();
        int start = lexer.peek().start();
        while (true) {
            body.addAll(compoundList(NONE, true, false));
            Token t = lexer.next();
            if (t.kind() == Kind.RPAREN) {
                return new ParseContext.Substitution(new ShellScript(body, List.of(), ctx.source), t.end());
            }
            if (t.kind() == Kind.EOF) {
                ctx.problem("unterminated command substitution", Math.max(0, start - 2));
                return new ParseContext.Substitution(new ShellScript(body, List.of(), ctx.source), ctx.text.length());
            }
            ctx.problem("unexpected '" + t.text() + "'", t.start());
        }
    }

    private List<AndOrList> compoundList(Set<String> stopWords, boolean stopAtParen, boolean stopAtCaseEnd) {
        List<AndOrList> list = new ArrayList<>();
        while (true) {
            Token t = lexer.peek();
            switch (t.kind()) {
                case EOF -> {
                    return list;
                }
                case NEWLINE -> {
                    lexer.next();
                    continue;
                }
                case RPAREN -> {
                    if (stopAtParen) {
                        return list;
                    }
                }
                case DSEMI -> {
                    if (stopAtCaseEnd) {
                        return list;
                    }
                }
                case WORD -> {
                    if (!t.word().quoted() && !t.word().hasExpansion() && stopWords.contains(t.word().value())) {
                        return list;
                    }
                }
                default -> {
                }
            }
            if (!startsCommand(t)) {
                ctx.problem("unexpected '" + t.text() + "'", t.start());
                lexer.next();
                continue;
            }
            AndOrList andOr = andOr();
            Token separator = lexer.peek();
            if (separator.kind() == Kind.AMP) {
                lexer.next();
                andOr = new AndOrList(andOr.pipelines(), andOr.operators(), true, andOr.position());
            } else if (separator.kind() == Kind.SEMI || separator.kind() == Kind.NEWLINE) {
                lexer.next();
            }
            list.add(andOr);
        }
    }

    private static boolean startsCommand(Token t) {
        return t.kind() == Kind.WORD || t.kind() == Kind.REDIRECT || t.kind() == Kind.LPAREN;
    }

    private static boolean isReserved(Token t, String word) {
        return t.kind() == Kind.WORD && !t.word().quoted() && !t.word().hasExpansion() && t.word().value().equals(word);
    }

    private void skipNewlines() {
        while (lexer.peek().kind() == Kind.NEWLINE) {
            lexer.next();
        }
    }

    private AndOrList andOr() {
        Position position = ctx.position(lexer.peek().start());
        List<Pipeline> pipelines = new ArrayList<>();
        List<AndOrList.Operator> operators = new ArrayList<>();
        pipelines.add(pipeline());
        while (true) {
            Token t = lexer.peek();
            if (t.kind() != Kind.AND_IF && t.kind() != Kind.OR_IF) {
                break;
            }
            lexer.next();
            skipNewlines();
            if (!startsCommand(lexer.peek())) {
                ctx.problem("missing command after '" + t.text() + "'", t.start());
                break;
            }
            operators.add(t.kind() == Kind.AND_IF ? AndOrList.Operator.AND : AndOrList.Operator.OR);
            pipelines.add(pipeline());
        }
        return new AndOrList(pipelines, operators, false, position);
    }

    private Pipeline pipeline() {
        Token first = lexer.peek();
        Position position = ctx.position(first.start());
        boolean negated = false;
        while (isReserved(lexer.peek(), "!")) {
            lexer.next();
            negated = !negated;
        }
        List<Command> commands = new ArrayList<>();
        if (!startsCommand(lexer.peek())) {
            ctx.problem("missing command after '!'", first.start());
            commands.add(new SimpleCommand(List.of(), List.of(first.word()), List.of(), position,
                    Invocation.resolve(List.of(first.word())), Optional.empty()));
            return new Pipeline(commands, false, position);
        }
        commands.add(command());
        while (lexer.peek().kind() == Kind.PIPE || lexer.peek().kind() == Kind.PIPE_AMP) {
            Token pipe = lexer.next();
            skipNewlines();
            if (!startsCommand(lexer.peek())) {
                ctx.problem("missing command after '" + pipe.text() + "'", pipe.start());
                break;
            }
            commands.add(command());
        }
        return new Pipeline(commands, negated, position);
    }

    private Command command() {
        Token t = lexer.peek();
        if (ctx.depth + nesting >= ParseContext.MAX_DEPTH) {
            ctx.abort("nesting too deep", t.start());
            lexer.next();
            return new SimpleCommand(List.of(), List.of(), List.of(), ctx.position(t.start()),
                    Invocation.resolve(List.of()), Optional.empty());
        }
        nesting++;
        try {
            return compoundOrSimple(t);
        } finally {
            nesting--;
        }
    }

    private Command compoundOrSimple(Token t) {
        Position position = ctx.position(t.start());
        if (t.kind() == Kind.LPAREN) {
            Token second = lexer.peek(1);
            if (second.kind() == Kind.LPAREN && second.start() == t.end()) {
                int close = lexer.scanDoubleParen(t.start());
                if (close > 0) {
                    String raw = ctx.text.substring(t.start(), close);
                    Word word = new Word(raw, raw, true, false, position, List.of());
                    return simpleWith(List.of(), new ArrayList<>(List.of(word)), position);
                }
                lexer.reset(t.start());
            }
            lexer.next();
            List<AndOrList> body = compoundList(NONE, true, false);
            expect(Kind.RPAREN, ")", t);
            return new Command.Subshell(body, redirects(), position);
        }
        if (t.kind() == Kind.WORD && !t.word().quoted() && !t.word().hasExpansion()) {
            switch (t.word().value()) {
                case "if" -> {
                    return ifCommand(position);
                }
                case "for", "select" -> {
                    return forLoop(position);
                }
                case "while", "until" -> {
                    return whileLoop(position, t.word().value().equals("until"));
                }
                case "case" -> {
                    return caseCommand(position);
                }
                case "{" -> {
                    lexer.next();
                    List<AndOrList> body = compoundList(CLOSE_BRACE, false, false);
                    expectWord("}", t);
                    return new Command.BraceGroup(body, redirects(), position);
                }
                case "function" -> {
                    if (lexer.peek(1).kind() == Kind.WORD) {
                        lexer.next();
                        Token name = lexer.next();
                        if (lexer.peek().kind() == Kind.LPAREN) {
                            lexer.next();
                            expect(Kind.RPAREN, ")", name);
                        }
                        return functionBody(name.word().value(), position);
                    }
                }
                case "[[" -> {
                    return testCommand(position);
                }
                case "then", "elif", "else", "fi", "do", "done", "esac", "}", "in" ->
                    ctx.problem("unexpected '" + t.word().value() + "'", t.start());
                default -> {
                }
            }
        }
        return simple(position);
    }

    private Command ifCommand(Position position) {
        Token start = lexer.next();
        List<Command.Branch> branches = new ArrayList<>();
        List<AndOrList> elseBody = List.of();
        while (true) {
            List<AndOrList> condition = compoundList(THEN, false, false);
            expectWord("then", start);
            List<AndOrList> body = compoundList(BRANCH_END, false, false);
            branches.add(new Command.Branch(condition, body));
            Token t = lexer.peek();
            if (isReserved(t, "elif")) {
                start = lexer.next();
                continue;
            }
            if (isReserved(t, "else")) {
                lexer.next();
                elseBody = compoundList(FI, false, false);
            }
            expectWord("fi", start);
            break;
        }
        return new Command.If(branches, elseBody, redirects(), position);
    }

    private Command forLoop(Position position) {
        Token start = lexer.next();
        String variable = "";
        String arithmetic = "";
        List<Word> items = new ArrayList<>();
        Token t = lexer.peek();
        if (t.kind() == Kind.LPAREN) {
            int close = lexer.scanDoubleParen(t.start());
            if (close < 0) {
                ctx.problem("expected ((…)) after for", t.start());
                lexer.next();
            } else {
                arithmetic = ctx.text.substring(t.start(), close);
            }
        } else if (t.kind() == Kind.WORD) {
            variable = lexer.next().word().value();
            skipNewlines();
            if (isReserved(lexer.peek(), "in")) {
                lexer.next();
                while (lexer.peek().kind() == Kind.WORD) {
                    items.add(lexer.next().word());
                }
            }
        } else {
            ctx.problem("expected a variable name after for", t.start());
        }
        if (lexer.peek().kind() == Kind.SEMI) {
            lexer.next();
        }
        skipNewlines();
        if (isReserved(lexer.peek(), "{")) {
            Command body = command();
            List<AndOrList> list = List.of(new AndOrList(List.of(new Pipeline(List.of(body), false,
                    body.position())), List.of(), false, body.position()));
            return new Command.For(variable, items, arithmetic, list, redirects(), position);
        }
        expectWord("do", start);
        List<AndOrList> body = compoundList(DONE, false, false);
        expectWord("done", start);
        return new Command.For(variable, items, arithmetic, body, redirects(), position);
    }

    private Command whileLoop(Position position, boolean until) {
        Token start = lexer.next();
        List<AndOrList> condition = compoundList(DO, false, false);
        expectWord("do", start);
        List<AndOrList> body = compoundList(DONE, false, false);
        expectWord("done", start);
        return new Command.While(until, condition, body, redirects(), position);
    }

    private Command caseCommand(Position position) {
        Token start = lexer.next();
        Word subject;
        if (lexer.peek().kind() == Kind.WORD) {
            subject = lexer.next().word();
        } else {
            ctx.problem("expected a word after case", start.start());
            subject = new Word("", "", false, false, position, List.of());
        }
        skipNewlines();
        expectWord("in", start);
        List<Command.CaseItem> items = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token t = lexer.peek();
            if (isReserved(t, "esac")) {
                lexer.next();
                break;
            }
            if (t.kind() == Kind.EOF) {
                ctx.problem("missing esac", start.start());
                break;
            }
            if (t.kind() == Kind.LPAREN) {
                lexer.next();
            }
            List<Word> patterns = new ArrayList<>();
            while (lexer.peek().kind() == Kind.WORD) {
                patterns.add(lexer.next().word());
                if (lexer.peek().kind() != Kind.PIPE) {
                    break;
                }
                lexer.next();
            }
            if (lexer.peek().kind() == Kind.RPAREN) {
                lexer.next();
            } else {
                Token bad = lexer.peek();
                ctx.problem("expected ')' after case pattern", bad.start());
                if (patterns.isEmpty() && bad.kind() != Kind.EOF) {
                    lexer.next();
                    continue;
                }
            }
            List<AndOrList> body = compoundList(ESAC, false, true);
            items.add(new Command.CaseItem(patterns, body));
            if (lexer.peek().kind() == Kind.DSEMI) {
                lexer.next();
            }
        }
        return new Command.Case(subject, items, redirects(), position);
    }

    /** bash's {@code [[ … ]]}: its operators are words, so it becomes a simple command named {@code [[}. */
    private Command testCommand(Position position) {
        Token open = lexer.next();
        List<Word> words = new ArrayList<>();
        words.add(open.word());
        lexer.testMode(true);
        boolean closed = false;
        while (lexer.peek().kind() == Kind.WORD) {
            Word word = lexer.next().word();
            words.add(word);
            if (word.is("]]") && !word.quoted()) {
                closed = true;
                break;
            }
        }
        lexer.testMode(false);
        if (!closed) {
            ctx.problem("missing ]]", open.start());
        }
        return simpleWith(List.of(), words, position);
    }

    private Command functionBody(String name, Position position) {
        skipNewlines();
        if (!startsCommand(lexer.peek())) {
            ctx.problem("missing function body", lexer.peek().start());
            Command empty = new Command.BraceGroup(List.of(), List.of(), position);
            return new Command.FunctionDefinition(name, empty, List.of(), position);
        }
        Command body = command();
        return new Command.FunctionDefinition(name, body, List.of(), position);
    }

    private List<Redirect> redirects() {
        List<Redirect> redirects = new ArrayList<>();
        while (lexer.peek().kind() == Kind.REDIRECT) {
            redirects.add(redirect());
        }
        return redirects;
    }

    private Redirect redirect() {
        Token op = lexer.next();
        Token target = lexer.peek();
        Word word;
        HereDoc hereDoc = null;
        if (target.kind() == Kind.WORD) {
            lexer.next();
            word = target.word();
            hereDoc = target.hereDoc();
        } else {
            ctx.problem("missing target after '" + op.text() + "'", op.start());
            word = new Word("", "", false, false, ctx.position(op.end()), List.of());
        }
        return new Redirect(op.fd() >= 0 ? OptionalInt.of(op.fd()) : OptionalInt.empty(), op.text(), word,
                Optional.ofNullable(hereDoc), ctx.position(op.start()));
    }

    private Command simple(Position position) {
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            Token t = lexer.peek();
            if (t.kind() == Kind.REDIRECT) {
                redirects.add(redirect());
                continue;
            }
            if (t.kind() != Kind.WORD) {
                break;
            }
            if (words.isEmpty() && t.assignEq() > 0) {
                lexer.next();
                assignments.add(assignment(t));
                continue;
            }
            if (words.isEmpty() && assignments.isEmpty() && !t.word().quoted()
                    && lexer.peek(1).kind() == Kind.LPAREN) {
                lexer.next();
                Token open = lexer.next();
                if (lexer.peek().kind() == Kind.RPAREN) {
                    lexer.next();
                    return functionBody(t.word().value(), position);
                }
                ctx.problem("unexpected '('", open.start());
                words.add(t.word());
                offsets.add(t.start());
                continue;
            }
            lexer.next();
            words.add(t.word());
            offsets.add(t.start());
        }
        if (words.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) {
            Token t = lexer.next();
            ctx.problem("unexpected '" + t.text() + "'", t.start());
        }
        Invocation invocation = Invocation.resolve(words);
        Optional<NestedScript> nested = nested(words, offsets, invocation);
        return new SimpleCommand(assignments, words, redirects, position, invocation, nested);
    }

    private Command simpleWith(List<Assignment> assignments, List<Word> words, Position position) {
        List<Redirect> redirects = redirects();
        return new SimpleCommand(assignments, words, redirects, position, Invocation.resolve(words),
                Optional.empty());
    }

    private Assignment assignment(Token t) {
        Word word = t.word();
        String name = t.text().substring(0, t.nameEnd());
        int valueStart = t.assignEq() + 1;
        Word value = new Word(word.raw().substring(valueStart), word.value().substring(valueStart),
                word.hasExpansion(), word.quoted(), ctx.position(t.start() + valueStart), word.substitutions());
        return new Assignment(name, value, word.position());
    }

    /** The script of {@code sh -c '…'}, {@code bash -o pipefail -c "…"}, {@code su -c '…' user}. */
    private Optional<NestedScript> nested(List<Word> words, List<Integer> offsets, Invocation invocation) {
        int commandIndex = invocation.commandIndex();
        if (commandIndex >= words.size() || words.get(commandIndex).hasExpansion()) {
            return Optional.empty();
        }
        String name = Invocation.basename(words.get(commandIndex).value());
        int scriptIndex = -1;
        boolean pipefail = false;
        if (SHELLS.contains(name)) {
            boolean c = false;
            for (int i = commandIndex + 1; i < words.size(); i++) {
                String v = words.get(i).value();
                if (v.length() > 1 && (v.charAt(0) == '-' || v.charAt(0) == '+') && !v.startsWith("--")) {
                    for (int j = 1; j < v.length(); j++) {
                        if (v.charAt(j) == 'c') {
                            c = true;
                        } else if (v.charAt(j) == 'o' && i + 1 < words.size()) {
                            i++;
                            pipefail |= v.charAt(0) == '-' && words.get(i).is("pipefail");
                        }
                    }
                    continue;
                }
                if (v.startsWith("--") && !v.equals("--")) {
                    continue;
                }
                if (v.equals("--")) {
                    continue;
                }
                if (c) {
                    scriptIndex = i;
                }
                break;
            }
        } else if (name.equals("su")) {
            List<Word> args = words.subList(commandIndex + 1, words.size());
            for (Options.Occurrence option : Options.parse(args, SU_VALUE_OPTIONS).options()) {
                if ((option.name().equals("-c") || option.name().equals("--command")) && option.value().isPresent()) {
                    int index = commandIndex + 1 + option.index();
                    // su -c'…' (attached) is rare; only the separate word maps back to positions
                    boolean attached = args.get(option.index()).value().length() > option.name().length();
                    scriptIndex = attached ? -1 : index + 1;
                    break;
                }
            }
        }
        if (scriptIndex < 0 || scriptIndex >= words.size()) {
            return Optional.empty();
        }
        Word word = words.get(scriptIndex);
        int offset = offsets.get(scriptIndex);
        char first = word.raw().isEmpty() ? ' ' : word.raw().charAt(0);
        if (first == '\'' || first == '"') {
            offset++;
        }
        ShellScript script = ctx.nested(word.value(), offset);
        return script == null ? Optional.empty() : Optional.of(new NestedScript(name, script, pipefail));
    }

    private void expect(Kind kind, String text, Token opener) {
        if (lexer.peek().kind() == kind) {
            lexer.next();
        } else {
            ctx.problem("missing '" + text + "' for '" + opener.text() + "'", opener.start());
        }
    }

    private void expectWord(String word, Token opener) {
        if (isReserved(lexer.peek(), word)) {
            lexer.next();
        } else {
            ctx.problem("missing '" + word + "' for '" + opener.text() + "'", opener.start());
        }
    }
}
