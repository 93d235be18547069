package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.shell.ScriptSource;
import dev.plimsoll.check.dockerfile.shell.ShellParser;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.Command;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Heredoc;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.SourcePosition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule sees: the parsed Dockerfile, the configuration, and the build context's {@code .dockerignore}. One
 * context serves every rule of one run and parses each RUN script once. Not shared between threads.
 */
public final class LintContext {
    /** Interpreters whose heredoc input is a shell script ({@code RUN bash <<EOF}). */
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "ksh", "zsh", "busybox");

    private final Dockerfile dockerfile;
    private final LintConfig config;
    private final Optional<String> dockerignore;
    private final boolean contextKnown;
    private final Map<RunInstruction, List<ShellScript>> scripts = new IdentityHashMap<>();
    private final Map<RunInstruction, List<SimpleCommand>> commands = new IdentityHashMap<>();

    /**
     * @param dockerignore the build context's .dockerignore, when it exists
     * @param contextKnown whether the build context was looked at (false for stdin): rules about files beside the
     *                     Dockerfile say nothing when it was not
     */
    public LintContext(Dockerfile dockerfile, LintConfig config, Optional<String> dockerignore, boolean contextKnown) {
        this.dockerfile = Objects.requireNonNull(dockerfile);
        this.config = Objects.requireNonNull(config);
        this.dockerignore = Objects.requireNonNull(dockerignore);
        this.contextKnown = contextKnown;
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    public LintConfig config() {
        return config;
    }

    public RuleSettings settings() {
        return config.settings();
    }

    public Optional<String> dockerignore() {
        return dockerignore;
    }

    public boolean contextKnown() {
        return contextKnown;
    }

    /**
     * Every instruction of the type, in file order; with {@code withTriggers}, also those wrapped in ONBUILD (they
     * are on the ONBUILD's line, so findings and pragmas land there).
     */
    public <T extends Instruction> List<T> instructions(Class<T> type, boolean withTriggers) {
        List<T> out = new ArrayList<>();
        for (Instruction i : dockerfile.instructions()) {
            if (type.isInstance(i)) {
                out.add(type.cast(i));
            } else if (withTriggers && i instanceof OnbuildInstruction o && o.trigger().isPresent()
                    && type.isInstance(o.trigger().get())) {
                out.add(type.cast(o.trigger().get()));
            }
        }
        return out;
    }

    /**
     * The shell scripts a RUN runs, parsed: the shell-form command line, and each heredoc body that the shell or an
     * explicit shell interpreter ({@code RUN bash <<EOF}) reads. Exec form gives the script of
     * {@code ["sh", "-c", "..."]}, else the one command its arguments make. Positions are the Dockerfile's.
     */
    public List<ShellScript> scripts(RunInstruction run) {
        return scripts.computeIfAbsent(run, this::parseScripts);
    }

    /** Every simple command of the RUN over all of its {@link #scripts}, in execution order. */
    public List<SimpleCommand> commands(RunInstruction run) {
        return commands.computeIfAbsent(run, r -> {
            List<ShellScript> parsed = scripts(r);
            if (parsed.size() == 1) {
                return parsed.get(0).commands();
            }
            List<SimpleCommand> all = new ArrayList<>();
            parsed.forEach(script -> all.addAll(script.commands()));
            return List.copyOf(all);
        });
    }

    private List<ShellScript> parseScripts(RunInstruction run) {
        List<ShellScript> out = new ArrayList<>();
        switch (run.command()) {
            case Command.ExecForm exec -> {
                List<String> args = exec.arguments();
                int line = exec.position().line();
                int column = Math.max(1, exec.position().column());
                if (args.size() >= 3 && SHELLS.contains(baseName(args.get(0))) && args.get(1).equals("-c")) {
                    out.add(ShellParser.parse(ScriptSource.at(args.get(2), line, column)));
                } else if (!args.isEmpty()) {
                    // No shell runs, but the arguments are one command's words (RUN ["chmod", "777", "/x"]), which
                    // rules judge as hadolint does: quoted so that the parser keeps each argument as it is.
                    out.add(ShellParser.parse(ScriptSource.at(quoted(args), line, column)));
                }
            }
            case Command.ShellForm shell -> {
                ShellScript commandLine = ShellParser.parse(commandLineSource(run, shell.position()));
                boolean bodiesAreScripts = run.heredocs().isEmpty() || commandLineIsOnlyHeredocs(commandLine)
                        || commandLine.commands().stream().anyMatch(c -> SHELLS.contains(c.commandName()));
                if (!run.heredocs().isEmpty() && commandLineIsOnlyHeredocs(commandLine)) {
                    // RUN <<EOF: BuildKit runs the body as the script; the marker line itself runs nothing.
                } else {
                    out.add(commandLine);
                }
                if (bodiesAreScripts) {
                    for (Heredoc h : run.heredocs()) {
                        out.add(ShellParser.parse(ScriptSource.heredoc(h.body(), h.bodyStartLine())));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean commandLineIsOnlyHeredocs(ShellScript commandLine) {
        return commandLine.commands().stream().allMatch(c -> c.words().isEmpty());
    }

    /** The raw text of the script part of a RUN: from the arguments' start to the line before any heredoc body. */
    private ScriptSource commandLineSource(RunInstruction run, SourcePosition start) {
        int last = run.heredocs().isEmpty() ? run.endLine()
                : run.heredocs().stream().mapToInt(Heredoc::bodyStartLine).min().orElse(run.endLine()) - 1;
        last = Math.max(last, start.line());
        StringBuilder raw = new StringBuilder();
        for (int n = start.line(); n <= last; n++) {
            String text = dockerfile.line(n);
            if (n == start.line()) {
                text = start.column() - 1 <= text.length() ? text.substring(start.column() - 1) : "";
            }
            raw.append(text);
            if (n < last) {
                raw.append('\n');
            }
        }
        return ScriptSource.fromDockerfileContinuation(raw.toString(), start.line(), start.column(),
                dockerfile.escapeChar());
    }

    private static String quoted(List<String> words) {
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return text.toString();
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
