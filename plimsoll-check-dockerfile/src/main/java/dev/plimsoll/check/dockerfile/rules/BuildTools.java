package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Package installs and removals of the system package managers (apt-get/apt/aptitude, apk, yum/dnf/microdnf/tdnf,
 * zypper) and pip, read from parsed commands; and which package names are build tooling (compilers, build systems,
 * headers, JDKs). Shared by the build-tools (PLM-DF-018) and services (PLM-DF-019) rules.
 */
final class BuildTools {
    /** One install command: the manager, the package operands as written, and apk's {@code --virtual} group. */
    record Install(SimpleCommand command, String manager, List<Word> packages, Optional<String> virtualGroup) {
        /** The package names that are fully known, versions and architectures removed. */
        List<String> names() {
            List<String> out = new ArrayList<>();
            for (Word w : packages) {
                w.literal().map(v -> packageName(manager, v)).filter(n -> !n.isEmpty()).ifPresent(out::add);
            }
            return out;
        }
    }

    /** What one RUN removes again: names, apk virtual groups, and whether some removal is by variable or auto. */
    record Removals(Set<String> names, boolean aptAuto, boolean apkAny, boolean aptAny, boolean rpmAny,
                    boolean unknownNames) {
        boolean removes(Install install, String name) {
            if (names.contains(name) || install.virtualGroup().filter(names::contains).isPresent()) {
                return true;
            }
            return switch (install.manager()) {
                case "apt" -> aptAuto || (aptAny && unknownNames);
                case "apk" -> apkAny && unknownNames;
                case "rpm", "zypper" -> rpmAny && unknownNames;
                default -> false;
            };
        }
    }

    private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude", "xx-apt-get", "xx-apt");
    private static final Set<String> RPM = Set.of("yum", "dnf", "microdnf", "tdnf");
    private static final Set<String> PIP = Set.of("pip", "pip3", "pip2");
    private static final Pattern RPM_VERSION = Pattern.compile("-\\d[^/]*$");
    private static final Set<String> TOOLS = Set.of("gcc", "g++", "gcc-c++", "cc", "c++", "clang", "make", "cmake",
            "build-essential", "build-base", "autoconf", "automake", "libtool", "golang", "golang-go", "go", "rustc",
            "cargo", "gfortran", "ninja-build", "meson", "maven", "gradle", "linux-headers");
    private static final Pattern VERSIONED_TOOL = Pattern.compile(
            "(?:gcc|g\\+\\+|clang|cpp|gfortran)-\\d+(?:\\.\\d+)*|golang-\\d+(?:\\.\\d+)*(?:-go)?"
                    + "|openjdk-?\\d+(?:-jdk(?:-headless)?)?|default-jdk(?:-headless)?|java-[\\d.]+-openjdk-devel"
                    + "|[a-z0-9.+-]+-jdk(?:-headless)?|.+-devel|.+-dev");

    private BuildTools() {
    }

    /** The package installs of a command, if it is one. {@code manager} is apt, apk, rpm, zypper or pip. */
    static Optional<Install> install(SimpleCommand c) {
        String name = c.commandName();
        if (APT.contains(name) && c.hasSubcommand("install")) {
            return Optional.of(new Install(c, "apt", c.operandsAfter("install"), Optional.empty()));
        }
        if ((name.equals("apk") || name.equals("xx-apk")) && c.hasSubcommand("add")) {
            return Optional.of(new Install(c, "apk", c.operandsAfter("add"), c.flagValue("-t", "--virtual")));
        }
        if (RPM.contains(name) && c.hasSubcommand("install")) {
            return Optional.of(new Install(c, "rpm", c.operandsAfter("install"), Optional.empty()));
        }
        if (name.equals("zypper") && (c.hasSubcommand("install") || c.hasSubcommand("in"))) {
            return Optional.of(new Install(c, "zypper", c.positionals().subList(1, c.positionals().size()),
                    Optional.empty()));
        }
        if (PIP.contains(name) && c.hasSubcommand("install")) {
            return Optional.of(new Install(c, "pip", c.operandsAfter("install"), Optional.empty()));
        }
        if (name.startsWith("python") && c.hasArg("-m") && c.hasSubcommand("pip", "install")) {
            return Optional.of(new Install(c, "pip", c.operandsAfter("pip", "install"), Optional.empty()));
        }
        return Optional.empty();
    }

    /** Every install of the scripts, in order. */
    static List<Install> installs(List<ShellScript> scripts) {
        List<Install> out = new ArrayList<>();
        for (ShellScript s : scripts) {
            for (SimpleCommand c : s.commands()) {
                install(c).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The removals of the scripts (apt-get purge/remove/autoremove, apk del, yum/dnf remove, zypper rm). */
    static Removals removals(List<ShellScript> scripts) {
        java.util.HashSet<String> names = new java.util.HashSet<>();
        boolean aptAuto = false;
        boolean apkAny = false;
        boolean aptAny = false;
        boolean rpmAny = false;
        boolean unknown = false;
        for (ShellScript s : scripts) {
            for (SimpleCommand c : s.commands()) {
                String name = c.commandName();
                List<Word> operands;
                String manager;
                if (APT.contains(name) && (c.hasSubcommand("purge") || c.hasSubcommand("remove")
                        || c.hasSubcommand("autoremove"))) {
                    manager = "apt";
                    aptAny = true;
                    aptAuto |= c.hasSubcommand("autoremove") || c.hasFlag("--auto-remove", "--autoremove");
                    operands = c.positionals().subList(1, c.positionals().size());
                } else if (name.equals("apk") && c.hasSubcommand("del")) {
                    manager = "apk";
                    apkAny = true;
                    operands = c.operandsAfter("del");
                } else if ((RPM.contains(name) && (c.hasSubcommand("remove") || c.hasSubcommand("erase")
                        || c.hasSubcommand("autoremove"))) || (name.equals("zypper")
                        && (c.hasSubcommand("rm") || c.hasSubcommand("remove")))) {
                    manager = "rpm";
                    rpmAny = true;
                    operands = c.positionals().subList(1, c.positionals().size());
                } else {
                    continue;
                }
                for (Word w : operands) {
                    if (w.hasExpansion()) {
                        unknown = true;
                    } else {
                        names.add(packageName(manager, w.value()));
                    }
                }
            }
        }
        return new Removals(Set.copyOf(names), aptAuto, apkAny, aptAny, rpmAny, unknown);
    }

    /** A package operand without version, release or architecture: {@code gcc=4:12} is {@code gcc}. */
    static String packageName(String manager, String operand) {
        String n = operand.strip();
        if (n.startsWith("-") || n.contains("/") || n.endsWith(".deb") || n.endsWith(".rpm")) {
            return "";
        }
        int cut = n.length();
        for (char sep : new char[] {'=', '<', '>', '~', '!', '[', ';', '@'}) {
            int i = n.indexOf(sep);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        n = n.substring(0, cut);
        if (manager.equals("apt")) {
            int colon = n.indexOf(':');
            if (colon > 0) {
                n = n.substring(0, colon);
            }
        } else if (manager.equals("rpm") || manager.equals("zypper")) {
            n = RPM_VERSION.matcher(n).replaceFirst("");
            if (n.endsWith(".x86_64") || n.endsWith(".noarch") || n.endsWith(".aarch64")) {
                n = n.substring(0, n.lastIndexOf('.'));
            }
        }
        return n.toLowerCase(Locale.ROOT);
    }

    /** Whether a system package name is build tooling; {@code extra} are globs from the configuration. */
    static boolean isBuildTool(String name, List<String> extra) {
        if (TOOLS.contains(name) || VERSIONED_TOOL.matcher(name).matches()) {
            return true;
        }
        for (String glob : extra) {
            if (PolicyGlobs.matches(glob, name)) {
                return true;
            }
        }
        return false;
    }
}
