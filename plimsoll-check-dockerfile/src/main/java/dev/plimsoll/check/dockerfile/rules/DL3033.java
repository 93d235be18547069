package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.Assignment;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.ArgDeclaration;
import dev.plimsoll.check.dockerfile.syntax.ArgInstruction;
import dev.plimsoll.check.dockerfile.syntax.Binding;
import dev.plimsoll.check.dockerfile.syntax.Environment;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pin yum packages: each package of {@code yum install} is {@code name-version} (the parts after the first
 * {@code -} are version characters and one starts with a digit), an {@code .rpm} file, or takes its version from
 * a variable that is declared (an ARG anywhere before, an ENV of the stage or its parent, or a variable the same
 * RUN sets). {@code yum module install} streams need {@code :}. One finding per RUN, naming the unpinned packages.
 */
public final class DL3033 implements DockerfileRule {
    private static final Set<String> INSTALL = Set.of("install");

    @Override
    public String id() {
        return "DL3033";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Set<String> argsSoFar = new HashSet<>();
        for (Instruction instruction : context.dockerfile().instructions()) {
            if (instruction instanceof ArgInstruction arg) {
                for (ArgDeclaration declaration : arg.declarations()) {
                    argsSoFar.add(declaration.name());
                }
            }
            RunInstruction run = RpmPackages.runOf(instruction);
            if (run != null) {
                check(context, run, argsSoFar, out);
            }
        }
    }

    private void check(LintContext context, RunInstruction run, Set<String> args, RuleSink out) {
        List<String> unpinned = new ArrayList<>();
        Set<String> shellVariables = new HashSet<>();
        Environment environment = null;
        for (SimpleCommand command : RpmPackages.commands(context, run)) {
            for (Assignment assignment : command.assignments()) {
                shellVariables.add(assignment.name());
            }
            if (command.is("export", "declare", "local", "readonly", "typeset", "read")) {
                for (String value : command.argValues()) {
                    int eq = value.indexOf('=');
                    shellVariables.add(eq < 0 ? value : value.substring(0, eq));
                }
            }
            if (!command.is("yum") || !RpmPackages.hasOperand(command, INSTALL)) {
                continue;
            }
            boolean module = command.subcommand().filter("module"::equals).isPresent();
            for (Word word : RpmPackages.operandsAfter(command, INSTALL, Set.of())) {
                String name = word.value();
                boolean pinned;
                if (module) {
                    pinned = name.indexOf(':') >= 0;
                } else if (name.endsWith(".rpm")) {
                    pinned = true;
                } else if (word.hasExpansion()) {
                    if (environment == null) {
                        environment = context.dockerfile().environmentAt(run);
                    }
                    pinned = referencesKnownVariable(word, args, environment, shellVariables);
                } else {
                    pinned = isVersioned(name);
                }
                if (!pinned) {
                    unpinned.add(name);
                }
            }
        }
        if (!unpinned.isEmpty()) {
            String packages = String.join(" ", unpinned);
            out.report(run,
                    "yum install " + RpmPackages.listed(unpinned) + " without a version; use <package>-<version>",
                    packages);
        }
    }

    /**
     * {@code name-version}: at least one {@code -}, the parts after the first all version characters, one of them
     * starting with a digit.
     */
    static boolean isVersioned(String name) {
        int dash = name.indexOf('-');
        if (dash < 0) {
            return false;
        }
        boolean digitStart = false;
        boolean partStart = true;
        for (int i = dash + 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-') {
                partStart = true;
                continue;
            }
            if (!isVersionChar(c)) {
                return false;
            }
            if (partStart && c >= '0' && c <= '9') {
                digitStart = true;
            }
            partStart = false;
        }
        return digitStart;
    }

    private static boolean isVersionChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '~'
                || c == '^' || c == '_' || c == ':' || c == '+';
    }

    /**
     * Whether the word uses a variable with a declaration: an ARG before the RUN, an ENV visible in the stage, or a
     * shell variable set earlier in the RUN. A command substitution cannot be judged and passes.
     */
    private static boolean referencesKnownVariable(Word word, Set<String> args, Environment environment,
            Set<String> shellVariables) {
        if (!word.substitutions().isEmpty()) {
            return true;
        }
        for (String name : variableNames(word.value())) {
            if (args.contains(name) || shellVariables.contains(name)) {
                return true;
            }
            Binding binding = environment.binding(name).orElse(null);
            if (binding != null) {
                return true;
            }
        }
        return false;
    }

    /** The names of {@code $NAME} and {@code ${NAME...}} references in a word's value. */
    static List<String> variableNames(String value) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < value.length() - 1; i++) {
            if (value.charAt(i) != '$') {
                continue;
            }
            int start = value.charAt(i + 1) == '{' ? i + 2 : i + 1;
            int end = start;
            while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_')) {
                end++;
            }
            if (end > start) {
                names.add(value.substring(start, end));
            }
            i = end - 1;
        }
        return names;
    }
}
