package dev.plimsoll.check.dockerfile.shell;

import java.util.List;
import java.util.function.Predicate;

/**
 * Walks a script in execution order: a simple command's substitutions before the command, conditions before bodies,
 * {@code sh -c} scripts after the command that runs them. Tracks {@code set -o pipefail} along the way: it holds
 * from the {@code set} on, is inherited by subshells and substitutions without leaking out of them, and a nested
 * {@code sh -c} starts without it unless the shell got {@code -o pipefail}.
 */
final class Traversal {
    interface Visitor {
        default void pipeline(Pipeline pipeline, boolean pipefail) {
        }

        default void command(SimpleCommand command) {
        }
    }

    private Traversal() {
    }

    static void walk(List<AndOrList> body, Visitor visitor, boolean pipefail) {
        walkBody(body, visitor, new boolean[] {pipefail});
    }

    private static void walkBody(List<AndOrList> body, Visitor visitor, boolean[] pipefail) {
        for (AndOrList andOr : body) {
            for (Pipeline pipeline : andOr.pipelines()) {
                visitor.pipeline(pipeline, pipefail[0]);
                for (Command command : pipeline.commands()) {
                    walkCommand(command, visitor, pipefail);
                }
            }
        }
    }

    private static void walkCommand(Command command, Visitor visitor, boolean[] pipefail) {
        switch (command) {
            case SimpleCommand simple -> {
                for (Assignment assignment : simple.assignments()) {
                    walkWord(assignment.value(), visitor, pipefail);
                }
                for (Word word : simple.words()) {
                    walkWord(word, visitor, pipefail);
                }
                walkRedirects(simple.redirects(), visitor, pipefail);
                visitor.command(simple);
                updatePipefail(simple, pipefail);
                simple.nestedScript().ifPresent(nested ->
                        walkBody(nested.script().body(), visitor, new boolean[] {nested.pipefail()}));
            }
            case Command.Subshell subshell -> walkBody(subshell.body(), visitor, pipefail.clone());
            case Command.BraceGroup group -> walkBody(group.body(), visitor, pipefail);
            case Command.If ifCommand -> {
                for (Command.Branch branch : ifCommand.branches()) {
                    walkBody(branch.condition(), visitor, pipefail);
                    walkBody(branch.body(), visitor, pipefail);
                }
                walkBody(ifCommand.elseBody(), visitor, pipefail);
            }
            case Command.For loop -> {
                for (Word item : loop.items()) {
                    walkWord(item, visitor, pipefail);
                }
                walkBody(loop.body(), visitor, pipefail);
            }
            case Command.While loop -> {
                walkBody(loop.condition(), visitor, pipefail);
                walkBody(loop.body(), visitor, pipefail);
            }
            case Command.Case caseCommand -> {
                walkWord(caseCommand.subject(), visitor, pipefail);
                for (Command.CaseItem item : caseCommand.items()) {
                    walkBody(item.body(), visitor, pipefail);
                }
            }
            case Command.FunctionDefinition function -> walkCommand(function.body(), visitor, pipefail.clone());
        }
        if (!(command instanceof SimpleCommand)) {
            walkRedirects(command.redirects(), visitor, pipefail);
        }
    }

    private static void walkRedirects(List<Redirect> redirects, Visitor visitor, boolean[] pipefail) {
        for (Redirect redirect : redirects) {
            walkWord(redirect.target(), visitor, pipefail);
        }
    }

    private static void walkWord(Word word, Visitor visitor, boolean[] pipefail) {
        for (ShellScript substitution : word.substitutions()) {
            walkBody(substitution.body(), visitor, pipefail.clone());
        }
    }

    /** {@code set -o pipefail}, {@code set -eo pipefail}, {@code set -euxo pipefail}; {@code set +o pipefail}. */
    private static void updatePipefail(SimpleCommand command, boolean[] pipefail) {
        if (!command.is("set")) {
            return;
        }
        List<Word> args = command.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.length() < 2 || v.charAt(0) != '-' && v.charAt(0) != '+' || v.equals("--")) {
                continue;
            }
            boolean on = v.charAt(0) == '-';
            for (int j = 1; j < v.length(); j++) {
                if (v.charAt(j) == 'o' && i + 1 < args.size()) {
                    i++;
                    if (args.get(i).is("pipefail")) {
                        pipefail[0] = on;
                    }
                }
            }
        }
    }

    /** Whether {@code command} is or contains a simple command matching {@code predicate}. */
    static boolean anyTopLevel(Command command, Predicate<SimpleCommand> predicate) {
        boolean[] found = {false};
        walkCommand(command, new Visitor() {
            @Override
            public void command(SimpleCommand simple) {
                found[0] |= predicate.test(simple);
            }
        }, new boolean[1]);
        return found[0];
    }
}
