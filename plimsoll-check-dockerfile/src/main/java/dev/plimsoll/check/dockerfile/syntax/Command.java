package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;

/** The command of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD: exec (JSON array) form or shell form. */
public sealed interface Command {
    SourcePosition position();

    /** {@code ["executable", "arg"]}: the strings, JSON escapes decoded. */
    record ExecForm(List<String> arguments, SourcePosition position) implements Command {
        public ExecForm {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Shell form: the script text as BuildKit passes it to the shell (continuations joined, comment lines inside
     * them dropped). JSON that does not parse is shell form too, as in BuildKit.
     */
    record ShellForm(String script, SourcePosition position) implements Command {
    }
}
