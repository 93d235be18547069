package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellParser;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.CmdInstruction;
import dev.plimsoll.check.dockerfile.syntax.Command;
import dev.plimsoll.check.dockerfile.syntax.EntrypointInstruction;
import dev.plimsoll.check.dockerfile.syntax.ExposeInstruction;
import dev.plimsoll.check.dockerfile.syntax.ExposedPort;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SSH server in the final image: {@code EXPOSE 22}, an SSH server package installed ({@code openssh-server},
 * {@code dropbear}, apt's {@code ssh}, apk's {@code openssh}) or {@code sshd} started by RUN, CMD or ENTRYPOINT. Only
 * the final stage and the stages it is built FROM are looked at: a builder stage does not ship. One finding per
 * instruction.
 */
public final class PLM_DF_009 implements DockerfileRule {
    private static final Set<String> SERVER_PACKAGES = Set.of("openssh-server", "dropbear", "dropbear-bin",
            "openssh-server-pam", "tinysshd");

    @Override
    public String id() {
        return "PLM-DF-009";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        List<Stage> image = SecurityStages.finalImage(context.dockerfile());
        for (int s = image.size() - 1; s >= 0; s--) {
            for (Instruction i : image.get(s).instructions()) {
                Optional<String> found = switch (i) {
                    case ExposeInstruction e -> expose(e);
                    case RunInstruction run -> run(context, run);
                    case CmdInstruction cmd -> startsSshd(cmd.command());
                    case EntrypointInstruction ep -> startsSshd(ep.command());
                    default -> Optional.empty();
                };
                found.ifPresent(evidence -> out.report(i, "SSH server in the image (" + evidence
                        + "); use docker exec / kubectl exec instead of sshd", evidence));
            }
        }
    }

    private static Optional<String> expose(ExposeInstruction e) {
        for (ExposedPort p : e.ports()) {
            if (p.isLiteral() && p.protocol().equals("tcp") && p.first().getAsInt() <= 22 && p.last().getAsInt() >= 22) {
                return Optional.of("EXPOSE " + p.raw());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> run(LintContext context, RunInstruction run) {
        for (SimpleCommand c : SecurityRuns.commands(context, run)) {
            for (SecurityRuns.Installed p : SecurityRuns.installs(c)) {
                boolean server = SERVER_PACKAGES.contains(p.name())
                        || (p.name().equals("ssh") && p.manager().startsWith("apt"))
                        || (p.name().equals("openssh") && p.manager().equals("apk"));
                if (server) {
                    return Optional.of(p.manager() + " installs " + p.word().value()
                            + (p.name().equals("openssh") ? ", which includes sshd (openssh-client is the client alone)" : ""));
                }
            }
            if (sshd(c)) {
                return Optional.of("runs " + SecurityRuns.shortText(c));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> startsSshd(Command command) {
        List<SimpleCommand> commands = switch (command) {
            case Command.ExecForm exec -> exec.arguments().isEmpty() ? List.of()
                    : ShellParser.parse(quoted(exec.arguments())).commands().stream().limit(1).toList();
            case Command.ShellForm shell -> ShellParser.parse(shell.script()).commands();
        };
        for (SimpleCommand c : commands) {
            if (sshd(c)) {
                return Optional.of("starts " + SecurityRuns.shortText(c));
            }
        }
        return Optional.empty();
    }

    /** {@code sshd}, {@code dropbear}, {@code service ssh start}, {@code /etc/init.d/ssh start}. */
    private static boolean sshd(SimpleCommand c) {
        if (c.is("sshd", "dropbear")) {
            return true;
        }
        List<String> args = c.argValues();
        if (c.is("service", "rc-service") && args.size() >= 2) {
            return (args.get(0).equals("ssh") || args.get(0).equals("sshd")) && args.get(1).equals("start");
        }
        return (c.is("ssh") || c.is("sshd")) && c.originalName().startsWith("/etc/init.d/")
                && args.contains("start");
    }

    private static String quoted(List<String> args) {
        StringBuilder text = new StringBuilder();
        for (String a : args) {
            text.append('\'').append(a.replace("'", "'\\''")).append("' ");
        }
        return text.toString();
    }
}
