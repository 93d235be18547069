package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.Pipeline;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.FileTransfer;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * setuid or setgid bit set: chmod (also {@code find -exec chmod}, {@code install -m}, {@code mkdir -m}) or
 * {@code COPY/ADD --chmod} with {@code u+s}, {@code g+s}, {@code +s} or an octal mode with 4xxx/2xxx. The sticky bit
 * alone is not reported, nor is setgid on directories ({@code install -d -m 2775}, {@code mkdir d && chmod g+s d},
 * {@code find -type d … chmod g+s}): there it only makes new files inherit the group.
 */
public final class PLM_DF_008 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-008";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Instruction instruction : context.dockerfile().instructions()) {
            Instruction i = OnbuildInstruction.unwrap(instruction);
            Optional<String> found = switch (i) {
                case RunInstruction run -> run(context, run);
                case FileTransfer copy -> copy.chmod().flatMap(ChmodModes::parse).filter(PLM_DF_008::special)
                        .map(m -> copy.keyword().name() + " --chmod=" + m.text() + " (" + bits(m) + ")");
                default -> Optional.empty();
            };
            found.ifPresent(evidence -> out.report(instruction, "sets the " + bitsOf(evidence) + " bit: "
                    + evidence + "; setuid/setgid executables are a privilege-escalation path", evidence));
        }
    }

    private static boolean special(ChmodModes.Mode m) {
        return m.setuid() || m.setgid();
    }

    private static String bits(ChmodModes.Mode m) {
        return m.setuid() && m.setgid() ? "setuid+setgid" : m.setuid() ? "setuid" : "setgid";
    }

    private static String bitsOf(String evidence) {
        int open = evidence.lastIndexOf('(');
        return evidence.substring(open + 1, evidence.length() - 1);
    }

    private static Optional<String> run(LintContext context, RunInstruction run) {
        Set<SimpleCommand> onDirectories = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ShellScript script : context.scripts(run)) {
            for (Pipeline p : script.pipelines()) {
                // find … -type d | xargs chmod g+s
                if (p.isPipe() && p.commands().get(0) instanceof SimpleCommand find && find.is("find")
                        && findsDirectories(find)) {
                    for (var stage : p.commands()) {
                        if (stage instanceof SimpleCommand c && c.is("chmod")) {
                            onDirectories.add(c);
                        }
                    }
                }
            }
        }
        Set<String> made = new HashSet<>();
        for (SimpleCommand c : SecurityRuns.commands(context, run)) {
            if (c.is("mkdir")) {
                made.addAll(c.positionalValues());
            }
            for (ChmodModes.Change change : ChmodModes.changes(c)) {
                ChmodModes.Mode m = change.mode();
                if (!special(m)) {
                    continue;
                }
                boolean directories = change.directories() || onDirectories.contains(c)
                        || (!change.files().isEmpty() && change.files().stream()
                                .allMatch(f -> made.contains(f) || f.endsWith("/")));
                if (m.setuid() || !directories) {
                    return Optional.of(change.command() + " " + m.text()
                            + (change.files().isEmpty() ? "" : " " + change.files().get(0)) + " (" + bits(m) + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean findsDirectories(SimpleCommand find) {
        List<String> args = find.argValues();
        int type = args.indexOf("-type");
        return type >= 0 && type + 1 < args.size() && args.get(type + 1).equals("d");
    }
}
