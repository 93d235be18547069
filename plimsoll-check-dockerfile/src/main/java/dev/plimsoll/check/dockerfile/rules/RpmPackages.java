package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How the yum/dnf/zypper rules (DL3030, DL3032-DL3038) read package-manager commands: operand words (options and
 * their values left out), the packages after an install word, and whether a cache clean follows the install in
 * the same RUN.
 */
final class RpmPackages {
    /** zypper options taking a separate value that the shell model does not know about. */
    static final Set<String> ZYPPER_VALUE_OPTIONS = Set.of("-t", "--type", "--from", "-r", "--repo");

    private RpmPackages() {
    }

    /** Every command a RUN runs (all its scripts, heredoc bodies included), in order. */
    static List<SimpleCommand> commands(LintContext context, RunInstruction run) {
        List<ShellScript> scripts = context.scripts(run);
        if (scripts.size() == 1) {
            return scripts.get(0).commands();
        }
        List<SimpleCommand> all = new ArrayList<>();
        for (ShellScript script : scripts) {
            all.addAll(script.commands());
        }
        return all;
    }

    /** Whether an operand (not an option or an option's value) is one of {@code words}. */
    static boolean hasOperand(SimpleCommand command, Set<String> words) {
        for (Word operand : command.positionals()) {
            if (!operand.hasExpansion() && words.contains(operand.value())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The operands after the first operand that is one of {@code subcommands}: the packages of
     * {@code yum -y install a b}. Words after {@code extraValueOptions} written separately are option values.
     */
    static List<Word> operandsAfter(SimpleCommand command, Set<String> subcommands, Set<String> extraValueOptions) {
        List<Word> operands = command.positionals();
        List<Word> result = new ArrayList<>();
        boolean after = false;
        for (Word operand : operands) {
            if (after) {
                result.add(operand);
            } else if (!operand.hasExpansion() && subcommands.contains(operand.value())) {
                after = true;
            }
        }
        if (extraValueOptions.isEmpty() || result.isEmpty()) {
            return result;
        }
        List<Word> args = command.args();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (extraValueOptions.contains(args.get(i).value())) {
                Word value = args.get(i + 1);
                result.removeIf(w -> w == value);
            }
        }
        return result;
    }

    /**
     * Whether, after the last command matching {@code install}, a command matching {@code clean} runs: the cache an
     * install leaves behind is removed in the same layer.
     */
    static boolean cleanedAfterLastInstall(List<SimpleCommand> commands, Predicate<SimpleCommand> install,
            Predicate<SimpleCommand> clean) {
        int lastInstall = -1;
        for (int i = 0; i < commands.size(); i++) {
            if (install.test(commands.get(i))) {
                lastInstall = i;
            }
        }
        for (int i = lastInstall + 1; i < commands.size(); i++) {
            if (clean.test(commands.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The first command matching {@code predicate}. */
    static Optional<SimpleCommand> first(List<SimpleCommand> commands, Predicate<SimpleCommand> predicate) {
        for (SimpleCommand command : commands) {
            if (predicate.test(command)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Names for a message: the first few, then how many more ({@code a b c d e and 3 more}). */
    static String listed(List<String> names) {
        if (names.size() <= 5) {
            return String.join(" ", names);
        }
        return String.join(" ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    /** A command or script for a message: whitespace runs collapsed, cut at 80 characters. */
    static String shortened(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 84));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < 80; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.length() >= 80 ? out + "…" : out.toString();
    }

    /** The RUN an instruction is or triggers (ONBUILD RUN), or null. */
    static RunInstruction runOf(Instruction instruction) {
        if (instruction instanceof RunInstruction run) {
            return run;
        }
        if (instruction instanceof OnbuildInstruction onbuild && onbuild.trigger().isPresent()
                && onbuild.trigger().get() instanceof RunInstruction run) {
            return run;
        }
        return null;
    }

    /** Whether a RUN has a cache or tmpfs mount whose target contains {@code path}. */
    static boolean hasCacheMount(RunInstruction run, String path) {
        return run.mounts().stream().anyMatch(m -> (m.type().equals("cache") || m.type().equals("tmpfs"))
                && m.target().map(t -> t.contains(path)).orElse(false));
    }
}
