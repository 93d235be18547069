package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import java.util.List;
import java.util.Locale;

/**
 * apt-get as the package rules read it (DL3008, DL3009, DL3014, DL3015): the install and update commands and the
 * packages an install names. Options that take a value ({@code -o X}, {@code -t release}) are not packages.
 */
final class AptPackages {
    private AptPackages() {
    }

    /** {@code apt-get [options] install ...} (the operand {@code install}, wherever the options put it). */
    static boolean isAptGetInstall(SimpleCommand command) {
        return command.is("apt-get") && installIndex(command.positionals()) >= 0;
    }

    /** {@code apt-get update}, {@code apt update}, {@code aptitude update}. */
    static boolean isUpdate(SimpleCommand command) {
        return command.is("apt-get", "apt", "aptitude") && command.hasSubcommand("update");
    }

    /** The operands after {@code install}: packages, {@code pkg=version}, {@code pkg/release}, .deb paths. */
    static List<Word> installOperands(SimpleCommand command) {
        List<Word> positionals = command.positionals();
        int install = installIndex(positionals);
        return install < 0 ? List.of() : positionals.subList(install + 1, positionals.size());
    }

    /** DL3008: a version ({@code =}), a release or path ({@code /}), or a .deb file. */
    static boolean isPinned(String pkg) {
        return pkg.indexOf('=') >= 0 || pkg.indexOf('/') >= 0 || pkg.endsWith(".deb");
    }

    /** The values given with {@code -o}/{@code --option} ({@code APT::Install-Recommends=false}). */
    static List<String> configOptions(SimpleCommand command) {
        return command.flagValues("-o", "--option");
    }

    /** Whether an {@code -o Key=value} sets {@code key} (case-insensitive, as apt reads it) to a false value. */
    static boolean setsFalse(SimpleCommand command, String key) {
        return setsTo(command, key, "false", "0", "no", "off");
    }

    /** Whether an {@code -o Key=value} sets {@code key} to a true value. */
    static boolean setsTrue(SimpleCommand command, String key) {
        return setsTo(command, key, "true", "1", "yes", "on");
    }

    private static boolean setsTo(SimpleCommand command, String key, String... values) {
        for (String option : configOptions(command)) {
            int eq = option.indexOf('=');
            if (eq > 0 && option.substring(0, eq).strip().equalsIgnoreCase(key)) {
                String value = option.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
                for (String v : values) {
                    if (v.equals(value)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int installIndex(List<Word> positionals) {
        for (int i = 0; i < positionals.size(); i++) {
            if (positionals.get(i).is("install")) {
                return i;
            }
        }
        return -1;
    }
}
