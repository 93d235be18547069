package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.Assignment;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Avoid the pip cache: {@code pip install} (and {@code python -m pip install}) without {@code --no-cache-dir} keeps
 * the downloaded wheels in the layer. Fine when {@code PIP_NO_CACHE_DIR} is truthy for the command (an ENV or ARG
 * visible to the RUN, ENV of the parent stage included; a prefix assignment; an earlier {@code export} in the same
 * RUN), for pipx/pipenv, and when a cache or tmpfs mount covers the pip cache ({@code .cache/pip}, or the whole
 * {@code .cache} directory). One finding per RUN.
 */
public final class DL3042 implements DockerfileRule {
    private static final Set<String> TRUTHY = Set.of("1", "true", "on", "yes");
    private static final String VARIABLE = "PIP_NO_CACHE_DIR";

    @Override
    public String id() {
        return "DL3042";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            SimpleCommand offending = offending(context, run);
            if (offending == null || cacheMounted(run)) {
                continue;
            }
            boolean envSet = context.dockerfile().environmentAt(run).value(VARIABLE).map(DL3042::truthy)
                    .orElse(false);
            if (!envSet) {
                out.report(run, "`" + offending.commandName() + " install` without --no-cache-dir keeps pip's cache in"
                        + " the layer", offending.toString());
            }
        }
    }

    /** The first pip install of the RUN that uses the cache, or null. */
    private static SimpleCommand offending(LintContext context, RunInstruction run) {
        boolean exported = false;
        for (ShellScript script : context.scripts(run)) {
            for (SimpleCommand c : script.commands()) {
                if (c.is("export")) {
                    for (Word w : c.args()) {
                        String v = w.value();
                        if (v.startsWith(VARIABLE + "=")) {
                            exported = truthy(v.substring(VARIABLE.length() + 1));
                        }
                    }
                    continue;
                }
                if (!exported && isPipInstall(c) && !c.hasArg("--no-cache-dir") && !setInline(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** {@code pip* install} (not pipx, pipenv) or {@code python* -m pip install}. */
    static boolean isPipInstall(SimpleCommand c) {
        String name = c.commandName();
        if (name.startsWith("pip")) {
            return !name.startsWith("pipx") && !name.startsWith("pipenv") && c.hasSubcommand("install");
        }
        if (name.startsWith("python")) {
            List<String> args = c.argValues();
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("-m") || args.get(i).equals("-mpip")) {
                    String module = args.get(i).equals("-mpip") ? "pip" : args.get(i + 1);
                    int rest = args.get(i).equals("-mpip") ? i + 1 : i + 2;
                    return (module.equals("pip") || module.equals("pip3"))
                            && firstOperandIsInstall(args.subList(Math.min(rest, args.size()), args.size()));
                }
            }
        }
        return false;
    }

    private static boolean firstOperandIsInstall(List<String> args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("install");
            }
        }
        return false;
    }

    private static boolean setInline(SimpleCommand c) {
        for (Assignment a : c.environment()) {
            if (a.name().equals(VARIABLE)) {
                return a.value().literal().map(DL3042::truthy).orElse(true);
            }
        }
        return false;
    }

    private static boolean truthy(String value) {
        return TRUTHY.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean cacheMounted(RunInstruction run) {
        for (Mount m : run.mounts()) {
            if (!m.type().equals("cache") && !m.type().equals("tmpfs")) {
                continue;
            }
            Optional<String> target = m.target();
            if (target.isPresent()) {
                String t = target.get();
                while (t.endsWith("/") && t.length() > 1) {
                    t = t.substring(0, t.length() - 1);
                }
                if (t.contains(".cache/pip") || t.endsWith("/.cache")) {
                    return true;
                }
            }
        }
        return false;
    }
}
