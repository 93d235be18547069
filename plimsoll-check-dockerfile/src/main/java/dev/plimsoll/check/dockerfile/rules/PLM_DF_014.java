package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.Binding;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the hadolint cache rules miss, in RUNs of the final image: (a) a RUN that only cleans package caches, after
 * the layer holding them was committed; (b) {@code npm install}/{@code npm ci} leaving the npm cache in the layer.
 */
public final class PLM_DF_014 implements DockerfileRule {
    /** Package-cache locations; removing them in their own RUN frees nothing. */
    private static final List<String> CACHE_PATHS = List.of("/var/lib/apt/lists", "/var/cache/apt",
            "/var/cache/apk", "/var/cache/yum", "/var/cache/dnf", "/var/cache/zypp", "/var/cache/pacman",
            "/root/.cache", "/root/.npm", "~/.cache", "~/.npm", "$HOME/.cache", "$HOME/.npm", "/home/node/.npm",
            "/usr/local/share/.cache/yarn", "/root/.yarn-cache");
    /** Paths that may be removed alongside caches without changing the RUN's purpose. */
    private static final List<String> TEMP_PATHS = List.of("/tmp/", "/var/tmp/", "/var/log/");
    private static final Set<String> NEUTRAL = Set.of("set", "true", ":", "echo", "sync", "exit");

    @Override
    public String id() {
        return "PLM-DF-014";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        FinalImageStages finalImage = FinalImageStages.of(context.dockerfile());
        for (RunInstruction run : context.instructions(RunInstruction.class, false)) {
            if (!finalImage.contains(run)) {
                continue;
            }
            List<ShellScript> scripts = context.scripts(run);
            List<String> cleanups = new ArrayList<>();
            boolean onlyCleanup = true;
            boolean any = false;
            SimpleCommand npmInstall = null;
            boolean npmCacheHandled = false;
            for (ShellScript script : scripts) {
                for (SimpleCommand c : script.commands()) {
                    if (c.words().isEmpty()) {
                        continue;
                    }
                    any = true;
                    String cleanup = cleanup(c);
                    if (cleanup != null) {
                        cleanups.add(cleanup);
                    } else if (!NEUTRAL.contains(c.commandName())) {
                        onlyCleanup = false;
                    }
                    if (c.is("npm") && (c.hasSubcommand("install") || c.hasSubcommand("i")
                            || c.hasSubcommand("ci") || c.hasSubcommand("add"))) {
                        if (npmInstall == null) {
                            npmInstall = c;
                        }
                        if (c.flagValue("--cache").filter(PLM_DF_014::isTemp).isPresent()) {
                            npmCacheHandled = true;
                        }
                    }
                    if (removesNpmCache(c)) {
                        npmCacheHandled = true;
                    }
                }
            }
            if (any && onlyCleanup && !cleanups.isEmpty()) {
                String what = String.join("; ", cleanups);
                out.report(run, "RUN only cleans package caches (" + what + "): the files stay in the earlier layer"
                        + " that created them; clean in the RUN that installs", what);
            } else if (npmInstall != null && !npmCacheHandled && !npmCacheMounted(run)
                    && !npmCacheInTemp(context, run)) {
                String what = "npm " + npmInstall.subcommand().orElse("install");
                out.report(run, what + " leaves the npm cache in the layer; add && npm cache clean --force or use"
                        + " RUN --mount=type=cache,target=/root/.npm", what);
            }
        }
    }

    /** The cleanup a command does, as text for the message, or null when it is something else. */
    private static String cleanup(SimpleCommand c) {
        String name = c.commandName();
        switch (name) {
            case "apt-get", "apt" -> {
                return c.hasSubcommand("clean") || c.hasSubcommand("autoclean") ? name + " clean" : null;
            }
            case "yum", "dnf", "microdnf", "tdnf" -> {
                return c.hasSubcommand("clean") ? name + " clean all" : null;
            }
            case "zypper" -> {
                return c.hasSubcommand("clean") || c.hasSubcommand("cc") ? "zypper clean" : null;
            }
            case "apk" -> {
                return c.hasSubcommand("cache", "clean") || c.hasSubcommand("cache", "purge") ? "apk cache clean"
                        : null;
            }
            case "pip", "pip3" -> {
                return c.hasSubcommand("cache", "purge") || c.hasSubcommand("cache", "remove") ? name
                        + " cache purge" : null;
            }
            case "npm", "yarn", "pnpm" -> {
                return c.hasSubcommand("cache", "clean") || c.hasSubcommand("cache", "prune")
                        || c.hasSubcommand("store", "prune") ? name + " cache clean" : null;
            }
            case "rm" -> {
                List<Word> operands = c.positionals();
                boolean cache = false;
                for (Word w : operands) {
                    String v = w.value();
                    if (isCachePath(v)) {
                        cache = true;
                    } else if (!isTemp(v)) {
                        return null;
                    }
                }
                return cache ? "rm " + String.join(" ", c.positionalValues()) : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isCachePath(String path) {
        for (String p : CACHE_PATHS) {
            if (path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTemp(String path) {
        for (String p : TEMP_PATHS) {
            if (path.startsWith(p) || path.equals(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean removesNpmCache(SimpleCommand c) {
        if (c.is("npm") && (c.hasSubcommand("cache", "clean") || c.hasSubcommand("cache", "rm")
                || c.hasSubcommand("cache", "clear"))) {
            return true;
        }
        if (c.is("rm")) {
            for (String v : c.positionalValues()) {
                String lower = v.toLowerCase(Locale.ROOT);
                if (lower.endsWith("/.npm") || lower.endsWith("/.npm/") || lower.contains("/.npm/_cacache")
                        || lower.endsWith("/.npm/*") || lower.equals("~/.npm")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean npmCacheMounted(RunInstruction run) {
        for (Mount m : run.mounts()) {
            String target = m.target().orElse("");
            if ((m.type().equals("cache") || m.type().equals("tmpfs"))
                    && (target.endsWith(".npm") || target.endsWith(".npm/") || target.contains("npm"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code ENV npm_config_cache=/tmp/...} (any case) puts the cache where it does not matter. */
    private static boolean npmCacheInTemp(LintContext context, RunInstruction run) {
        for (Binding b : context.dockerfile().environmentAt(run).bindings()) {
            if (b.name().equalsIgnoreCase("npm_config_cache") && b.value().filter(PLM_DF_014::isTemp).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
