package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.FileTransfer;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * World-writable permissions: chmod (also {@code find -exec chmod}, {@code install -m}, {@code mkdir -m}) or
 * {@code COPY/ADD --chmod} granting write to others. A sticky directory ({@code chmod 1777 /tmp}) is the safe way
 * to share one and is not reported, nor is a path the same RUN deletes again.
 */
public final class PLM_DF_007 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-007";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Instruction instruction : context.dockerfile().instructions()) {
            Instruction i = OnbuildInstruction.unwrap(instruction);
            Optional<String> found = switch (i) {
                case RunInstruction run -> run(context, run);
                case FileTransfer copy -> copy.chmod().flatMap(ChmodModes::parse).filter(ChmodModes.Mode::worldWritable)
                        .map(m -> copy.keyword().name() + " --chmod=" + m.text());
                default -> Optional.empty();
            };
            found.ifPresent(evidence -> out.report(instruction, "world-writable permissions (" + evidence
                    + "): any process in the container can change these files; grant only what is needed and set the"
                    + " owner with chown/--chown", evidence));
        }
    }

    private static Optional<String> run(LintContext context, RunInstruction run) {
        List<SimpleCommand> commands = SecurityRuns.commands(context, run);
        for (int n = 0; n < commands.size(); n++) {
            for (ChmodModes.Change change : ChmodModes.changes(commands.get(n))) {
                if (change.mode().worldWritable() && !stickyDirectory(change)
                        && !removedLater(change.files(), commands.subList(n + 1, commands.size()))) {
                    return Optional.of(change.command() + " " + change.mode().text()
                            + (change.files().isEmpty() ? "" : " " + change.files().get(0)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code chmod 1777 dir}: the sticky bit means nothing on files, so it marks a directory shared on purpose (like
     * /tmp, or a data directory writable by any --user), where nobody can delete or rename another user's files.
     * A recursive change also opens every file inside and stays reported.
     */
    private static boolean stickyDirectory(ChmodModes.Change change) {
        return change.mode().sticky() && !change.recursive();
    }

    /** A scratch path opened up and deleted again in the same RUN ({@code rm -rf "$tempDir"}) does not ship. */
    private static boolean removedLater(List<String> files, List<SimpleCommand> later) {
        if (files.isEmpty()) {
            return false;
        }
        Set<String> removed = new HashSet<>();
        for (SimpleCommand c : later) {
            if (c.is("rm")) {
                removed.addAll(c.positionalValues());
            }
        }
        return removed.containsAll(files);
    }
}
