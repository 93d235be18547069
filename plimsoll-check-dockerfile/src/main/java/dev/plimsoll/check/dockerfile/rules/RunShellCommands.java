package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;

/**
 * The simple commands a RUN runs, as the command rules (DL3001, DL3003, DL3004, package pinning) see them: every
 * command of the RUN's scripts ({@link LintContext#scripts}: exec form gives the one command its arguments make).
 */
final class RunShellCommands {
    private RunShellCommands() {
    }

    static List<SimpleCommand> of(LintContext context, RunInstruction run) {
        return context.commands(run);
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
