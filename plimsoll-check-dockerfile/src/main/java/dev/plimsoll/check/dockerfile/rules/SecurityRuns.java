package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.shell.Redirect;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the PLM-DF security rules ask of a RUN: its commands across all of its scripts (command line and heredoc
 * bodies), the text it writes into files ({@code echo}/{@code printf} arguments, here-document bodies), and the
 * packages its package-manager commands install.
 */
final class SecurityRuns {
    private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude");
    private static final Set<String> RPM_MANAGERS = Set.of("yum", "dnf", "microdnf", "tdnf");

    private SecurityRuns() {
    }

    /** Every simple command of the RUN, in execution order, over all of its scripts. */
    static List<SimpleCommand> commands(LintContext context, RunInstruction run) {
        return context.commands(run);
    }

    /**
     * Text the RUN writes into files or feeds to other commands: the arguments of {@code echo} and {@code printf}
     * (with {@code \n} escapes of printf turned into line breaks) and the bodies of here-documents.
     */
    static List<String> writtenTexts(List<SimpleCommand> commands) {
        List<String> texts = new ArrayList<>();
        for (SimpleCommand command : commands) {
            if (command.is("echo", "printf")) {
                StringBuilder text = new StringBuilder();
                for (Word arg : command.args()) {
                    if (!text.isEmpty()) {
                        text.append(' ');
                    }
                    text.append(arg.value());
                }
                texts.add(text.toString().replace("\\n", "\n"));
            }
            for (Redirect redirect : command.redirects()) {
                redirect.hereDoc().ifPresent(doc -> texts.add(doc.body()));
            }
        }
        return texts;
    }

    /** The command as written, cut to 80 characters: evidence for a finding. */
    static String shortText(SimpleCommand command) {
        StringBuilder text = new StringBuilder();
        for (Word word : command.words()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            String v = word.value();
            text.append(v.chars().anyMatch(Character::isWhitespace) || v.isEmpty() ? "'" + v + "'" : v);
            if (text.length() > 80) {
                return text.substring(0, 80) + "…";
            }
        }
        return text.toString();
    }

    /** The files a command writes through output redirections ({@code > f}, {@code >> f}). */
    static List<String> redirectTargets(SimpleCommand command) {
        List<String> targets = new ArrayList<>();
        for (Redirect redirect : command.redirects()) {
            String op = redirect.operator();
            if ((op.equals(">") || op.equals(">>") || op.equals(">|") || op.equals("&>") || op.equals("&>>"))
                    && redirect.target().literal().isPresent()) {
                targets.add(redirect.target().value());
            }
        }
        return targets;
    }

    /**
     * The packages an install command names, versions stripped (lower case): {@code apt-get install -y
     * sudo=1.9} gives {@code sudo}; empty for any other command. {@code manager} is set to the command's name.
     */
    static List<Installed> installs(SimpleCommand command) {
        String name = command.commandName();
        List<Word> operands;
        if (APT.contains(name)) {
            operands = command.operandsAfter("install");
        } else if (name.equals("apk")) {
            operands = command.operandsAfter("add");
        } else if (RPM_MANAGERS.contains(name)) {
            operands = command.operandsAfter("install");
        } else if (name.equals("zypper")) {
            operands = command.hasSubcommand("install") ? command.operandsAfter("install")
                    : command.operandsAfter("in");
        } else {
            return List.of();
        }
        List<Installed> out = new ArrayList<>();
        for (Word operand : operands) {
            operand.literal().ifPresent(v -> out.add(new Installed(name, packageName(name, v), operand)));
        }
        return out;
    }

    /** One package named by an install command. */
    record Installed(String manager, String name, Word word) {
    }

    private static String packageName(String manager, String operand) {
        String v = operand.toLowerCase(Locale.ROOT);
        int cut = v.length();
        for (char c : new char[] {'=', '<', '>', '~'}) {
            int i = v.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        if (APT.contains(manager)) {
            int colon = v.indexOf(':');
            if (colon >= 0) {
                cut = Math.min(cut, colon);
            }
        }
        v = v.substring(0, cut);
        if (RPM_MANAGERS.contains(manager) || manager.equals("zypper")) {
            // name-version[-release]: cut at the first "-<digit>"
            for (int i = 1; i + 1 < v.length(); i++) {
                if (v.charAt(i) == '-' && Character.isDigit(v.charAt(i + 1))) {
                    return v.substring(0, i);
                }
            }
        }
        return v;
    }
}
