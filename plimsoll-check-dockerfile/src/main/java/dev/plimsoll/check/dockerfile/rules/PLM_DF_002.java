package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.Pipeline;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Remote script piped into a shell: {@code curl … | sh}, {@code wget -O- … | sudo bash -s}, {@code | python3 -},
 * {@code sh -c "$(curl …)"}, {@code bash <(curl …)}, {@code eval "$(curl …)"}. An interpreter given its program
 * inline ({@code python3 -c …}, {@code perl -e …}) or as a file reads the download as data, not as code.
 */
public final class PLM_DF_002 implements DockerfileRule {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox");
    private static final Set<String> INTERPRETERS = Set.of("python", "python2", "python3", "perl", "ruby", "node",
            "php");

    @Override
    public String id() {
        return "PLM-DF-002";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            find(context, run).ifPresent(evidence -> out.report(run,
                    "downloaded code runs unverified: " + evidence
                            + "; download to a file, verify its checksum or signature, then run it", evidence));
        }
    }

    private static Optional<String> find(LintContext context, RunInstruction run) {
        for (ShellScript script : context.scripts(run)) {
            for (Pipeline pipeline : script.pipelines()) {
                if (pipeline.isPipe() && pipeline.pipesInto(PLM_DF_002::isDownload, PLM_DF_002::readsProgramFromStdin)) {
                    String producer = "curl";
                    String consumer = "sh";
                    for (var stage : pipeline.commands()) {
                        if (stage instanceof SimpleCommand c && isDownload(c)) {
                            producer = c.commandName();
                        } else if (stage instanceof SimpleCommand c && readsProgramFromStdin(c)) {
                            consumer = (c.sudo() ? "sudo " : "") + c.commandName();
                        }
                    }
                    return Optional.of(producer + " | " + consumer);
                }
            }
            for (SimpleCommand command : script.commands()) {
                Optional<String> substituted = substitutedDownload(command);
                if (substituted.isPresent()) {
                    return substituted;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code python3.12}. */
    private static boolean isVersionedPython(String name) {
        if (!name.startsWith("python") || name.length() == 6) {
            return false;
        }
        for (int i = 6; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!Character.isDigit(ch) && ch != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDownload(SimpleCommand c) {
        return c.is("curl", "wget");
    }

    /** A shell or interpreter that takes its program from standard input. */
    private static boolean readsProgramFromStdin(SimpleCommand c) {
        String name = c.commandName();
        boolean shell = SHELLS.contains(name);
        if (!shell && !INTERPRETERS.contains(name) && !isVersionedPython(name)) {
            return false;
        }
        List<Word> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).value();
            if (a.equals("-") || a.equals("/dev/stdin") || a.equals("/dev/fd/0")) {
                return true;
            }
            if (a.equals("--")) {
                return shell || i + 1 >= args.size();
            }
            if (a.startsWith("-") && a.length() > 1 && !a.startsWith("--")) {
                // -c (shells, python), -e (perl, ruby, node), -m (python module), -r (php): program given inline
                if (a.indexOf('c') > 0 && shell || a.equals("-c") || a.startsWith("-e") || a.equals("-m")
                        || a.equals("-r") || (!shell && a.indexOf('e') > 0 && name.startsWith("perl"))) {
                    return false;
                }
                if (shell && a.indexOf('s') > 0) {
                    return true; // sh -s: script from stdin, the rest are its arguments
                }
                continue;
            }
            if (a.startsWith("--")) {
                if (a.equals("--eval") || a.equals("--command")) {
                    return false;
                }
                continue;
            }
            return false; // a script file operand
        }
        return true;
    }

    /** {@code sh -c "$(curl …)"}, {@code eval "$(curl …)"}, {@code bash <(curl …)}, {@code . <(curl …)}. */
    private static Optional<String> substitutedDownload(SimpleCommand c) {
        String name = c.commandName();
        List<Word> args = c.args();
        if (name.equals("eval")) {
            for (Word a : args) {
                if (downloads(a)) {
                    return Optional.of("eval \"$(" + downloader(a) + " …)\"");
                }
            }
            return Optional.empty();
        }
        boolean shell = SHELLS.contains(name);
        boolean source = name.equals("source") || name.equals(".");
        if (!shell && !source && !INTERPRETERS.contains(name)) {
            return Optional.empty();
        }
        for (int i = 0; i < args.size(); i++) {
            Word a = args.get(i);
            String v = a.value();
            if ((v.equals("-c") || (shell && v.startsWith("-") && !v.startsWith("--") && v.endsWith("c")))
                    && i + 1 < args.size() && downloads(args.get(i + 1))) {
                return Optional.of(name + " -c \"$(" + downloader(args.get(i + 1)) + " …)\"");
            }
            if (a.raw().startsWith("<(") && downloads(a)) {
                return Optional.of(name + " <(" + downloader(a) + " …)");
            }
            if (!v.startsWith("-")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean downloads(Word word) {
        for (ShellScript s : word.substitutions()) {
            if (s.anyCommand(PLM_DF_002::isDownload)) {
                return true;
            }
        }
        return false;
    }

    private static String downloader(Word word) {
        for (ShellScript s : word.substitutions()) {
            Optional<SimpleCommand> c = s.find(PLM_DF_002::isDownload);
            if (c.isPresent()) {
                return c.get().commandName();
            }
        }
        return "curl";
    }
}
