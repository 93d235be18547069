package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whole-system package upgrade: {@code apt-get upgrade/dist-upgrade/full-upgrade}, {@code apk upgrade},
 * {@code yum/dnf/microdnf/tdnf update|upgrade|distro-sync}, {@code zypper update/patch}, {@code pacman -Syu} — without
 * package arguments (upgrading named packages is a targeted fix). {@code zypper dist-upgrade} is DL3035.
 */
public final class PLM_DF_012 implements DockerfileRule {
    private static final Set<String> APT_WHOLE = Set.of("dist-upgrade", "full-upgrade");
    private static final Set<String> RPM_UPGRADES = Set.of("update", "upgrade", "distro-sync", "distrosync",
            "dsync", "upgrade-minimal", "update-minimal", "up");

    @Override
    public String id() {
        return "PLM-DF-012";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            for (SimpleCommand c : SecurityRuns.commands(context, run)) {
                Optional<String> found = upgrade(c);
                if (found.isPresent()) {
                    out.report(run, "upgrades every installed package (" + found.get()
                            + "): the build is not reproducible and the fix belongs in a newer base image", found.get());
                    break;
                }
            }
        }
    }

    private static Optional<String> upgrade(SimpleCommand c) {
        String name = c.commandName();
        List<String> ops = c.positionalValues();
        if (ops.isEmpty()) {
            if (name.equals("pacman") && c.hasFlag("-S") && c.hasFlag("-u", "--sysupgrade")) {
                return Optional.of("pacman -Syu");
            }
            return Optional.empty();
        }
        String sub = ops.get(0);
        boolean whole = ops.size() == 1;
        switch (name) {
            case "apt-get", "apt", "aptitude":
                if (APT_WHOLE.contains(sub) || ((sub.equals("upgrade") || sub.equals("safe-upgrade")) && whole)) {
                    return Optional.of(name + " " + sub);
                }
                return Optional.empty();
            case "apk":
                return sub.equals("upgrade") && whole ? Optional.of("apk upgrade") : Optional.empty();
            case "yum", "dnf", "microdnf", "tdnf", "dnf5":
                return RPM_UPGRADES.contains(sub) && !sub.equals("up") && whole ? Optional.of(name + " " + sub)
                        : Optional.empty();
            case "zypper":
                return (sub.equals("update") || sub.equals("up") || sub.equals("patch")) && whole
                        ? Optional.of("zypper " + sub) : Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
