package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.Set;

/**
 * A RUN that refreshes a package index but installs nothing with it: the cached layer keeps a stale index for the
 * RUNs after it.
 */
public final class PLM_DF_013 implements DockerfileRule {
    private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude", "apt-fast", "xx-apt-get", "xx-apt");
    private static final Set<String> RPM = Set.of("yum", "dnf", "microdnf", "tdnf");
    /** apt subcommands that read the index: installing, upgrading, fetching sources or packages. */
    private static final Set<String> APT_USES = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade",
            "build-dep", "source", "download", "reinstall", "satisfy", "safe-upgrade");
    private static final Set<String> APK_USES = Set.of("add", "upgrade", "fetch", "fix");
    private static final Set<String> RPM_USES = Set.of("install", "upgrade", "update", "reinstall", "groupinstall",
            "localinstall", "distro-sync", "downgrade", "builddep", "download", "group", "module", "swap");
    private static final Set<String> ZYPPER_USES = Set.of("install", "in", "update", "up", "dist-upgrade", "dup",
            "patch", "source-install", "si");

    @Override
    public String id() {
        return "PLM-DF-013";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            SimpleCommand update = null;
            boolean uses = false;
            for (ShellScript script : context.scripts(run)) {
                for (SimpleCommand c : script.commands()) {
                    if (update == null && isIndexRefresh(c)) {
                        update = c;
                    } else if (usesIndex(c)) {
                        uses = true;
                    }
                }
            }
            if (update != null && !uses) {
                String what = update.commandName() + " " + update.subcommand().orElse("");
                out.report(run, "RUN refreshes the package index (" + what + ") but installs nothing in the same"
                        + " RUN; the cached layer keeps a stale index. Update and install in one RUN", what);
            }
        }
    }

    private static boolean isIndexRefresh(SimpleCommand c) {
        String name = c.commandName();
        if (APT.contains(name) || name.equals("apk") || name.equals("xx-apk")) {
            return c.hasSubcommand("update");
        }
        if (RPM.contains(name)) {
            return c.hasSubcommand("makecache");
        }
        if (name.equals("zypper")) {
            return c.hasSubcommand("refresh") || c.hasSubcommand("ref");
        }
        return false;
    }

    /**
     * Whether a command reads the index: a package manager installing or upgrading, or anything that is not a known
     * package manager or shell built-in and might install for us (a script, {@code install_packages}, a make target).
     */
    private static boolean usesIndex(SimpleCommand c) {
        String name = c.commandName();
        if (APT.contains(name)) {
            return c.subcommand().map(APT_USES::contains).orElse(false);
        }
        if (name.equals("apk") || name.equals("xx-apk")) {
            return c.subcommand().map(APK_USES::contains).orElse(false) || c.hasFlag("--update", "-U");
        }
        if (RPM.contains(name)) {
            return c.subcommand().map(RPM_USES::contains).orElse(false);
        }
        if (name.equals("zypper")) {
            return c.subcommand().map(ZYPPER_USES::contains).orElse(false);
        }
        if (SHELLS.contains(name)) {
            return !c.hasFlag("-c") && !c.positionals().isEmpty();
        }
        return INSTALLERS.contains(name) || name.endsWith(".sh") || (name.isEmpty() && !c.words().isEmpty());
    }

    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh");
    /** Programs that install with the system package manager for us. */
    private static final Set<String> INSTALLERS = Set.of("install_packages", "install-packages", "add-pkg",
            "apt-install", "clean-install", "eatmydata", "xargs", "apt-cache", "debconf-apt-progress",
            "make", "ansible-playbook", "apt-mark", "mk-build-deps", "curl-install", "dpkg-buildpackage", "equivs-build",
            "rosdep", "pip-install", "do-install", "retry", "timeout");
}
