package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * su or sudo set up in the build: {@code su}/{@code runuser} switching user, the {@code sudo} package installed, or
 * {@code /etc/sudoers} (or {@code /etc/sudoers.d}) written. Running {@code sudo} itself is DL3004. One finding per RUN.
 */
public final class PLM_DF_006 implements DockerfileRule {
    /** Commands that write the files named by their operands. */
    private static final Set<String> FILE_WRITERS = Set.of("tee", "cp", "mv", "install", "ln", "sed", "visudo");

    @Override
    public String id() {
        return "PLM-DF-006";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            for (SimpleCommand c : SecurityRuns.commands(context, run)) {
                Optional<String> found = find(c);
                if (found.isPresent()) {
                    out.report(run, found.get() + "; use USER to switch users in the build and gosu/su-exec to drop"
                            + " privileges at run time", evidence(found.get()));
                    break;
                }
            }
        }
    }

    private static String evidence(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }

    private static Optional<String> find(SimpleCommand c) {
        if (c.is("su", "runuser")) {
            return Optional.of("switches user with " + c.commandName() + ": " + SecurityRuns.shortText(c));
        }
        for (SecurityRuns.Installed p : SecurityRuns.installs(c)) {
            if (p.name().equals("sudo") || p.name().equals("sudo-ldap")) {
                return Optional.of("installs the sudo package: " + p.manager() + " " + p.word().value());
            }
        }
        for (String target : SecurityRuns.redirectTargets(c)) {
            if (isSudoers(target)) {
                return Optional.of("writes sudoers configuration: > " + target);
            }
        }
        if (FILE_WRITERS.contains(c.commandName()) && (!c.is("sed") || c.hasFlag("-i", "--in-place"))) {
            List<Word> operands = c.positionals();
            for (Word w : operands) {
                if (w.literal().filter(PLM_DF_006::isSudoers).isPresent()
                        && (c.is("tee", "sed", "visudo") || w == operands.get(operands.size() - 1))) {
                    return Optional.of("writes sudoers configuration: " + c.commandName() + " " + w.value());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isSudoers(String path) {
        return path.equals("/etc/sudoers") || path.startsWith("/etc/sudoers.d");
    }
}
