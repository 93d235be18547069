package dev.plimsoll.check.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A parsed script: and-or lists of pipelines of commands, the problems met while parsing (a script with problems
 * still holds everything that was understood), and the source that maps offsets to Dockerfile positions.
 *
 * <p>Typical rule code:
 * <pre>{@code
 * ShellScript script = ShellParser.parse(ScriptSource.at(runText, line, column));
 * for (SimpleCommand cmd : script.commands("apt-get", "apt")) {
 *     if (cmd.hasSubcommand("install") && !cmd.hasFlag("--no-install-recommends")) { … cmd.position() … }
 * }
 * boolean curlToShell = script.pipelines().stream().anyMatch(p -> p.pipesInto(
 *         c -> c.is("curl", "wget"), c -> c.is("sh", "bash", "dash", "ash", "zsh")));
 * List<Pipeline> dl4006 = script.pipelinesWithoutPipefail(shellHasPipefail);
 * }</pre>
 */
public record ShellScript(List<AndOrList> body, List<ParseProblem> problems, ScriptSource source) {
    public ShellScript {
        body = List.copyOf(body);
        problems = List.copyOf(problems);
        Objects.requireNonNull(source);
    }

    /** Whether the whole script was understood. */
    public boolean complete() {
        return problems.isEmpty();
    }

    /**
     * Every simple command in execution order, including those in subshells, groups, control structures, functions,
     * command and process substitutions (before the command using them) and {@code sh -c} strings (after the
     * command running them).
     */
    public List<SimpleCommand> commands() {
        List<SimpleCommand> commands = new ArrayList<>();
        Traversal.walk(body, new Traversal.Visitor() {
            @Override
            public void command(SimpleCommand command) {
                commands.add(command);
            }
        }, false);
        return commands;
    }

    /** The commands whose {@link SimpleCommand#commandName()} is one of {@code names}. */
    public List<SimpleCommand> commands(String... names) {
        List<SimpleCommand> matching = new ArrayList<>();
        for (SimpleCommand command : commands()) {
            if (command.is(names)) {
                matching.add(command);
            }
        }
        return matching;
    }

    /** The first command matching {@code predicate}. */
    public Optional<SimpleCommand> find(Predicate<SimpleCommand> predicate) {
        for (SimpleCommand command : commands()) {
            if (predicate.test(command)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Whether any command matches {@code predicate}. */
    public boolean anyCommand(Predicate<SimpleCommand> predicate) {
        return find(predicate).isPresent();
    }

    /** Every pipeline (single commands included) in execution order, nested ones too. */
    public List<Pipeline> pipelines() {
        List<Pipeline> pipelines = new ArrayList<>();
        Traversal.walk(body, new Traversal.Visitor() {
            @Override
            public void pipeline(Pipeline pipeline, boolean pipefail) {
                pipelines.add(pipeline);
            }
        }, false);
        return pipelines;
    }

    /** Whether there is a pipe anywhere. */
    public boolean hasPipe() {
        for (Pipeline pipeline : pipelines()) {
            if (pipeline.isPipe()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pipes that run without {@code pipefail} (DL4006). {@code pipefailFromShell} says the SHELL instruction
     * already turned it on ({@code SHELL ["/bin/bash", "-o", "pipefail", "-c"]}); otherwise it holds from a
     * {@code set -o pipefail} (or {@code -eo}, {@code -euxo} …) earlier in the script.
     */
    public List<Pipeline> pipelinesWithoutPipefail(boolean pipefailFromShell) {
        List<Pipeline> pipelines = new ArrayList<>();
        Traversal.walk(body, new Traversal.Visitor() {
            @Override
            public void pipeline(Pipeline pipeline, boolean pipefail) {
                if (pipeline.isPipe() && !pipefail) {
                    pipelines.add(pipeline);
                }
            }
        }, pipefailFromShell);
        return pipelines;
    }

    @Override
    public String toString() {
        return "ShellScript[" + body.size() + " lists, " + problems.size() + " problems, " + source + "]";
    }
}
