package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Set;

/**
 * How the dnf rules (DL3040, DL3041) read {@code dnf} and {@code microdnf} commands: which subcommands install or
 * upgrade packages (and so fill the package cache), which commands clean it, and the package words of an install.
 */
final class DnfPackages {
    static final Set<String> TOOLS = Set.of("dnf", "microdnf");

    /** Subcommands (and dnf's aliases) that download packages into the cache. */
    private static final Set<String> INSTALLING = Set.of("install", "in", "upgrade", "up", "upgrade-minimal",
            "up-min", "reinstall", "rei");

    /**
     * Cache directories: libdnf5 (dnf5), dnf (dnf4) and yum (microdnf on UBI keeps its cache there). Removing one of
     * them, or mounting a cache/tmpfs on it, keeps the downloaded packages out of the layer.
     */
    private static final List<String> CACHE_DIRS = List.of("/var/cache/libdnf5", "/var/cache/dnf",
            "/var/cache/yum");

    private DnfPackages() {
    }

    /** A dnf/microdnf command that installs, upgrades or reinstalls ({@code dnf -y module install x} too). */
    static boolean installs(SimpleCommand c) {
        if (!TOOLS.contains(c.commandName())) {
            return false;
        }
        List<Word> ops = c.positionals();
        if (ops.isEmpty()) {
            return false;
        }
        String sub = ops.get(0).value();
        if (INSTALLING.contains(sub)) {
            return true;
        }
        return (sub.equals("module") || sub.equals("group")) && ops.size() > 1
                && INSTALLING.contains(ops.get(1).value());
    }

    /** {@code <tool> clean all} for this tool ({@code dnf}, {@code microdnf}). */
    static boolean cleansAll(SimpleCommand c, String tool) {
        return c.commandName().equals(tool) && c.hasSubcommand("clean", "all");
    }

    /** {@code rm -r[f] /var/cache/libdnf5*} (or the dnf4/yum cache directory, or anything under them). */
    static boolean removesCache(SimpleCommand c) {
        if (!c.is("rm") || !c.hasFlag("-r", "-R", "--recursive")) {
            return false;
        }
        for (Word w : c.positionals()) {
            String path = w.value();
            for (String dir : CACHE_DIRS) {
                if (path.startsWith(dir)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A cache or tmpfs mount on the dnf package cache: nothing it downloads stays in the layer. */
    static boolean cacheMounted(RunInstruction run) {
        for (Mount m : run.mounts()) {
            String type = m.type();
            if (!type.equals("cache") && !type.equals("tmpfs")) {
                continue;
            }
            String target = m.target().orElse("");
            if (target.contains(".cache/libdnf5")) {
                return true;
            }
            for (String dir : CACHE_DIRS) {
                if (target.contains(dir)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The package words of {@code dnf install} / {@code microdnf install} ({@code in} too); group installs have none. */
    static List<Word> packages(SimpleCommand c) {
        if (!TOOLS.contains(c.commandName())) {
            return List.of();
        }
        if (c.hasSubcommand("install")) {
            return c.operandsAfter("install");
        }
        if (c.hasSubcommand("in")) {
            return c.operandsAfter("in");
        }
        return List.of();
    }

    /** The module specs of {@code dnf module install} (which need a stream: {@code nodejs:20}). */
    static List<Word> modules(SimpleCommand c) {
        return TOOLS.contains(c.commandName()) ? c.operandsAfter("module", "install") : List.of();
    }

    /** The names of the variables a shell word's value references: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-x}}. */
    static List<String> variablesIn(String value) {
        List<String> names = new java.util.ArrayList<>();
        int n = value.length();
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) != '$' || i + 1 >= n) {
                continue;
            }
            int start = value.charAt(i + 1) == '{' ? i + 2 : i + 1;
            int end = start;
            while (end < n && isNameChar(value.charAt(end), end == start)) {
                end++;
            }
            if (end > start) {
                names.add(value.substring(start, end));
            }
            i = end - 1;
        }
        return names;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }
}
