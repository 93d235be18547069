package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.shell.ScriptSource;
import dev.plimsoll.check.dockerfile.shell.ShellParser;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.Command;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple commands a RUN runs, as the command rules (DL3001, DL3003, DL3004, package pinning) see them: every
 * command of the parsed shell scripts, and for an exec-form RUN ({@code RUN ["apt-get", "install", "x"]}) that runs
 * no shell, the one command its arguments make (hadolint checks exec form the same way).
 */
final class RunShellCommands {
    private RunShellCommands() {
    }

    static List<SimpleCommand> of(LintContext context, RunInstruction run) {
        List<ShellScript> scripts = context.scripts(run);
        if (scripts.isEmpty() && run.command() instanceof Command.ExecForm exec && !exec.arguments().isEmpty()) {
            // Exec form without a shell: the arguments are the words. Quoted so that the shell parser keeps them
            // as they are; parsed per call, which only exec-form RUNs (rare) pay.
            StringBuilder text = new StringBuilder();
            for (String argument : exec.arguments()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append('\'').append(argument.replace("'", "'\\''")).append('\'');
            }
            ShellScript script = ShellParser.parse(ScriptSource.at(text.toString(), exec.position().line(),
                    Math.max(1, exec.position().column())));
            return script.commands();
        }
        if (scripts.size() == 1) {
            return scripts.get(0).commands();
        }
        List<SimpleCommand> all = new ArrayList<>();
        for (ShellScript script : scripts) {
            all.addAll(script.commands());
        }
        return all;
    }

    /** Whether the RUN has a {@code type=cache} or {@code type=tmpfs} mount whose target contains {@code fragment}. */
    static boolean hasCacheOrTmpfsMount(RunInstruction run, String fragment) {
        for (Mount mount : run.mounts()) {
            String type = mount.type();
            if ((type.equals("cache") || type.equals("tmpfs"))
                    && mount.target().map(target -> target.contains(fragment)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The command as written, for evidence: its words, wrappers included, without assignments or redirections. */
    static String text(SimpleCommand command) {
        StringBuilder text = new StringBuilder();
        for (var word : command.words()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            // A word broken over a continuation line reads as its value, without the backslash-newline.
            text.append(word.raw().indexOf('\n') >= 0 ? word.value() : word.raw());
        }
        return text.toString();
    }
}
