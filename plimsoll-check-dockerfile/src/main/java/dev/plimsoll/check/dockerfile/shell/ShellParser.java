package dev.plimsoll.check.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses RUN scripts (POSIX shell plus the bash forms common in Dockerfiles). Parsing never throws for any input
 * text: what cannot be parsed becomes a {@link ParseProblem} and the rest is still returned. The only exception is
 * {@link NullPointerException} for a null argument. Parsing is linear in the input (one pass, bounded nesting
 * depth, a step budget), holds no state between calls and is safe to use from many threads.
 */
public final class ShellParser {
    private ShellParser() {
    }

    public static ShellScript parse(ScriptSource source) {
        Objects.requireNonNull(source);
        List<ParseProblem> problems = new ArrayList<>();
        ParseContext ctx = new ParseContext(source, problems, 0,
                new ParseContext.Budget(ParseContext.stepsFor(source.text())));
        return new Parser(ctx, 0).parseScript();
    }

    /** A script on its own, positioned at line 1, column 1. */
    public static ShellScript parse(String script) {
        return parse(ScriptSource.of(script));
    }
}
