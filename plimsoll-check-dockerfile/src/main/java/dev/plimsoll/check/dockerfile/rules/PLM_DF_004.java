package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.Assignment;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.ArgDeclaration;
import dev.plimsoll.check.dockerfile.syntax.ArgInstruction;
import dev.plimsoll.check.dockerfile.syntax.EnvInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Optional;

/**
 * TLS certificate verification disabled: curl {@code -k}, wget {@code --no-check-certificate}, pip
 * {@code --trusted-host}, npm/yarn/pnpm {@code strict-ssl false}, git {@code http.sslVerify false}, composer
 * {@code disable-tls}/{@code secure-http}, conda {@code ssl_verify}, apt {@code Verify-Peer}/{@code Verify-Host},
 * yum/dnf {@code sslverify}, and the environment variables that do the same. One finding per instruction.
 */
public final class PLM_DF_004 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-004";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Instruction instruction : context.dockerfile().instructions()) {
            Instruction i = OnbuildInstruction.unwrap(instruction);
            Optional<String> found = switch (i) {
                case EnvInstruction env -> env.pairs().stream()
                        .map(p -> TlsFlags.variable(p.key(), p.value())).flatMap(Optional::stream).findFirst();
                case ArgInstruction arg -> arg.declarations().stream().filter(ArgDeclaration::hasDefault)
                        .map(d -> TlsFlags.variable(d.name(), d.defaultValue().orElse("")))
                        .flatMap(Optional::stream).findFirst();
                case RunInstruction run -> run(context, run);
                default -> Optional.empty();
            };
            found.ifPresent(evidence -> out.report(instruction, "TLS certificate verification is turned off ("
                    + evidence + "); install the CA certificate the server needs instead", evidence));
        }
    }

    private static Optional<String> run(LintContext context, RunInstruction run) {
        List<SimpleCommand> commands = SecurityRuns.commands(context, run);
        for (SimpleCommand c : commands) {
            Optional<String> found = TlsFlags.command(c);
            if (found.isPresent()) {
                return found;
            }
            for (Assignment a : c.environment()) {
                found = a.value().literal().flatMap(v -> TlsFlags.variable(a.name(), v));
                if (found.isPresent()) {
                    return found;
                }
            }
            if (c.is("export", "declare", "typeset")) {
                for (Word w : c.args()) {
                    int eq = w.value().indexOf('=');
                    if (eq > 0 && !w.hasExpansion()) {
                        found = TlsFlags.variable(w.value().substring(0, eq), w.value().substring(eq + 1));
                        if (found.isPresent()) {
                            return found;
                        }
                    }
                }
            }
        }
        for (String text : SecurityRuns.writtenTexts(commands)) {
            Optional<String> found = TlsFlags.fileContent(text);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

}
