package dev.plimsoll.check.dockerfile.shell;

import java.util.List;

/**
 * One element of a pipeline: a simple command or a compound command. Compound commands keep their bodies as lists
 * of and-or lists, the same shape as a whole script.
 */
public sealed interface Command permits SimpleCommand, Command.Subshell, Command.BraceGroup, Command.If,
        Command.For, Command.While, Command.Case, Command.FunctionDefinition {

    Position position();

    List<Redirect> redirects();

    /** {@code ( … )}. */
    record Subshell(List<AndOrList> body, List<Redirect> redirects, Position position) implements Command {
        public Subshell {
            body = List.copyOf(body);
            redirects = List.copyOf(redirects);
        }
    }

    /** <code>{ …; }</code>. */
    record BraceGroup(List<AndOrList> body, List<Redirect> redirects, Position position) implements Command {
        public BraceGroup {
            body = List.copyOf(body);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code if … then … elif … then … else … fi}: one branch per {@code if}/{@code elif}. */
    record If(List<Branch> branches, List<AndOrList> elseBody, List<Redirect> redirects, Position position)
            implements Command {
        public If {
            branches = List.copyOf(branches);
            elseBody = List.copyOf(elseBody);
            redirects = List.copyOf(redirects);
        }
    }

    /** A condition and the body run when it succeeds. */
    record Branch(List<AndOrList> condition, List<AndOrList> body) {
        public Branch {
            condition = List.copyOf(condition);
            body = List.copyOf(body);
        }
    }

    /**
     * {@code for NAME in WORDS; do …; done} (also {@code select}). For bash's {@code for ((…))} the variable is empty
     * and {@code arithmetic} holds the header.
     */
    record For(String variable, List<Word> items, String arithmetic, List<AndOrList> body, List<Redirect> redirects,
            Position position) implements Command {
        public For {
            items = List.copyOf(items);
            body = List.copyOf(body);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code while}/{@code until} loops. */
    record While(boolean until, List<AndOrList> condition, List<AndOrList> body, List<Redirect> redirects,
            Position position) implements Command {
        public While {
            condition = List.copyOf(condition);
            body = List.copyOf(body);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code case WORD in PATTERN) …;; esac}. */
    record Case(Word subject, List<CaseItem> items, List<Redirect> redirects, Position position) implements Command {
        public Case {
            items = List.copyOf(items);
            redirects = List.copyOf(redirects);
        }
    }

    /** One {@code pattern|pattern) body ;;} of a case. */
    record CaseItem(List<Word> patterns, List<AndOrList> body) {
        public CaseItem {
            patterns = List.copyOf(patterns);
            body = List.copyOf(body);
        }
    }

    /** {@code name() { …; }} or bash's {@code function name { …; }}. */
    record FunctionDefinition(String name, Command body, List<Redirect> redirects, Position position)
            implements Command {
        public FunctionDefinition {
            redirects = List.copyOf(redirects);
        }
    }
}
