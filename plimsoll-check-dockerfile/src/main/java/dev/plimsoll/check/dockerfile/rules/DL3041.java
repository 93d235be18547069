package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.ArgDeclaration;
import dev.plimsoll.check.dockerfile.syntax.ArgInstruction;
import dev.plimsoll.check.dockerfile.syntax.Binding;
import dev.plimsoll.check.dockerfile.syntax.Environment;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Specify versions with {@code dnf install}: every package must carry a version ({@code httpd-2.4.58}), an
 * {@code .rpm} file passes, a {@code dnf module install} spec must name a stream ({@code nodejs:20}). A package
 * built from a variable passes when the variable is an ARG (declared anywhere, as hadolint counts them) or an ENV
 * visible to the RUN. Group specs ({@code @core}) have no version and are not reported. One finding per RUN.
 */
public final class DL3041 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3041";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Set<String> args = null;
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<String> unpinned = new ArrayList<>();
            String tool = "dnf";
            for (ShellScript script : context.scripts(run)) {
                for (SimpleCommand c : script.commands("dnf", "microdnf")) {
                    List<Word> packages = DnfPackages.packages(c);
                    List<Word> modules = DnfPackages.modules(c);
                    if (packages.isEmpty() && modules.isEmpty()) {
                        continue;
                    }
                    if (args == null) {
                        args = argNames(context);
                    }
                    Environment env = context.dockerfile().environmentAt(run);
                    tool = c.commandName();
                    for (Word p : packages) {
                        if (!versioned(p, args, env)) {
                            unpinned.add(p.value());
                        }
                    }
                    for (Word m : modules) {
                        if (!m.value().contains(":") && !m.hasExpansion()) {
                            unpinned.add("module " + m.value());
                        }
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                out.report(run, tool + " installs " + String.join(", ", unpinned)
                        + " without a version; use <package>-<version>", String.join(" ", unpinned));
            }
        }
    }

    private static boolean versioned(Word word, Set<String> args, Environment env) {
        String p = word.value();
        if (p.endsWith(".rpm") || p.startsWith("@")) {
            return true;
        }
        if (word.hasExpansion()) {
            for (String name : DnfPackages.variablesIn(p)) {
                if (args.contains(name)) {
                    return true;
                }
                Binding b = env.binding(name).orElse(null);
                if (b != null && !b.isArg()) {
                    return true;
                }
            }
            return false;
        }
        int dash = p.indexOf('-');
        if (dash < 0) {
            return false;
        }
        boolean digitStart = false;
        boolean partStart = true;
        for (int i = dash + 1; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (ch == '-') {
                partStart = true;
                continue;
            }
            boolean ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                    || ch == '.' || ch == '~' || ch == '^' || ch == '_' || ch == ':' || ch == '+';
            if (!ok) {
                return false;
            }
            if (partStart && ch >= '0' && ch <= '9') {
                digitStart = true;
            }
            partStart = false;
        }
        return digitStart;
    }

    private static Set<String> argNames(LintContext context) {
        Set<String> names = new HashSet<>();
        for (ArgInstruction a : context.dockerfile().instructions(ArgInstruction.class)) {
            for (ArgDeclaration d : a.declarations()) {
                names.add(d.name());
            }
        }
        return names;
    }
}
