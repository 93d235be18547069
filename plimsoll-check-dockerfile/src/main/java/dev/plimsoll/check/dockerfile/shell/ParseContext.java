package dev.plimsoll.check.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * What one parse shares between the parsers of a script and of its command substitutions: the text and its source,
 * the problems found, how deep the nesting is, and a step budget. The depth bound keeps the Java stack safe on
 * hostile input ({@code $($($(…)))}, {@code ((((…}); the budget is a second guarantee that parsing terminates.
 */
final class ParseContext {
    static final int MAX_DEPTH = 48;
    private static final int MAX_PROBLEMS = 50;

    /** Shared by every context of one {@link ShellParser#parse} call. */
    static final class Budget {
        private long steps;
        private boolean aborted;

        Budget(long steps) {
            this.steps = steps;
        }
    }

    /** A parsed command or process substitution and the offset just after its closing parenthesis. */
    record Substitution(ShellScript script, int end) {
    }

    /** Tokens never outnumber characters much; the factor leaves room for rewinds and nested parses. */
    static long stepsFor(String text) {
        return 16L * text.length() + 1024;
    }

    final ScriptSource source;
    final String text;
    final List<ParseProblem> problems;
    final int depth;
    private final Budget budget;

    ParseContext(ScriptSource source, List<ParseProblem> problems, int depth, Budget budget) {
        this.source = source;
        this.text = source.text();
        this.problems = problems;
        this.depth = depth;
        this.budget = budget;
    }

    Position position(int offset) {
        return source.position(offset);
    }

    void problem(String message, int offset) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ParseProblem(message, position(offset)));
        }
    }

    boolean aborted() {
        return budget.aborted;
    }

    /** Stops the whole parse: every lexer answers end of input from now on. */
    void abort(String message, int offset) {
        if (!budget.aborted) {
            budget.aborted = true;
            problem(message, offset);
        }
    }

    /** Counts one token; false (and aborts) when the budget is spent. */
    boolean step(int offset) {
        if (--budget.steps < 0) {
            abort("script too complex to analyse", offset);
            return false;
        }
        return !budget.aborted;
    }

    /** Parses the command substitution whose body starts at {@code offset} (after {@code $(} or {@code <(}). */
    Substitution substitution(int offset) {
        if (depth + 1 >= MAX_DEPTH) {
            abort("nesting too deep", offset);
            return new Substitution(new ShellScript(List.of(), List.of(), source), text.length());
        }
        ParseContext child = new ParseContext(source, problems, depth + 1, budget);
        return new Parser(child, offset).parseSubstitution();
    }

    /** Parses text taken out of this script (backticks) whose first character was at {@code offset}. */
    ShellScript embedded(String embeddedText, int offset) {
        ScriptSource embeddedSource = source.embedded(embeddedText, offset);
        if (depth + 1 >= MAX_DEPTH) {
            abort("nesting too deep", offset);
            return new ShellScript(List.of(), List.of(), embeddedSource);
        }
        ParseContext child = new ParseContext(embeddedSource, problems, depth + 1, budget);
        return new Parser(child, 0).parseBody(List.of());
    }

    /** Parses a script run from a string ({@code sh -c}); it keeps its own problems. Empty when too deep. */
    ShellScript nested(String nestedText, int offset) {
        if (depth + 1 >= MAX_DEPTH || budget.aborted) {
            return null;
        }
        // its own budget: a nested string that is not really shell must not stop the analysis of the outer script
        ParseContext child = new ParseContext(source.embedded(nestedText, offset), new ArrayList<>(), depth + 1,
                new Budget(stepsFor(nestedText)));
        return new Parser(child, 0).parseScript();
    }
}
